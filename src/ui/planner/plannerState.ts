import { metresPerMinute, walkingPaces } from '../../domain/nearby';
import type { CandidatePoint, CoverageTarget, TargetGroup } from '../../domain/types';

/** What the planner is asking; kept by the Workspace, because the map shows it too. */
export interface PlannerState {
  target: CoverageTarget;
  group: TargetGroup;
  /** Metres, in a straight line ("hemelsbreed") or on foot along the paths. */
  distance: number;
  /** Along the footway network (15_walking.sql) instead of a straight line; the slider then counts minutes. */
  onFoot: boolean;
  /** km/h for the minutes on foot: 4.5 ordinary, 3 slow (suits many older residents). */
  pace: number;
  /** "What if": taps on the map add candidate places instead of selecting assets. */
  whatIf: boolean;
  candidates: CandidatePoint[];
  /** Only the cells of this werkgebied; null: all cells. */
  werkgebiedId: string | null;
  /** Leave out the places not confirmed for their werkgebied's months: they may be gone. */
  withoutStale: boolean;
}

// 500 m is about a 7-minute walk for an older resident: a common norm for a meeting place.
export const initialPlannerState: PlannerState = {
  target: 'any',
  group: 'all',
  distance: 500,
  onFoot: false,
  pace: walkingPaces.ordinary,
  whatIf: false,
  candidates: [],
  werkgebiedId: null,
  withoutStale: false,
};

export const distanceStep = 50;
export const maxDistance = 2000;

/** The most whole minutes on foot at a pace within what coverage reaches: 26 at 4.5 km/h, 40 at 3. */
export function maxMinutes(pace: number): number {
  return Math.floor(maxDistance / metresPerMinute(pace));
}

/** The distance of whole minutes at a pace, within reach. */
export function distanceOfMinutes(minutes: number, pace: number): number {
  return Math.min(Math.max(0, Math.round(minutes)), maxMinutes(pace)) * metresPerMinute(pace);
}
