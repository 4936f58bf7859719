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
}

// 500 m is about a 7-minute walk for an older resident: a common norm for a meeting place.
export const initialPlannerState: PlannerState = { target: 'any', group: 'all', distance: 500, whatIf: false, candidates: [] };

export const distanceStep = 50;
export const maxDistance = 2000;
