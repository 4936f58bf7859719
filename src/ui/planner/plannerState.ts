import type { CandidatePoint, CoverageTarget, TargetGroup } from '../../domain/types';

/** What the planner is asking; kept by the Workspace, because the map shows it too. */
export interface PlannerState {
  target: CoverageTarget;
  group: TargetGroup;
  /** Metres, straight line ("hemelsbreed"). */
  distance: number;
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
  whatIf: false,
  candidates: [],
  werkgebiedId: null,
  withoutStale: false,
};

export const distanceStep = 50;
export const maxDistance = 2000;
