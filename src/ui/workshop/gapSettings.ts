import type { GapPopulation } from '../../domain/workshop';
import type { CoverageTarget, TargetGroup } from '../../domain/types';

// A session stores its "gaten zien" group as the SQL check names it ('age65plus');
// the planner's figures, legend and map layer name the same group '65plus'.

export function plannerGroupOf(population: GapPopulation): TargetGroup {
  return population === 'age65plus' ? '65plus' : 'all';
}

export function gapPopulationOf(group: TargetGroup): GapPopulation {
  return group === '65plus' ? 'age65plus' : 'all';
}

/** The session's stored kind of place, as the coverage functions take it (the SQL check allows no other shapes). */
export function coverageTargetOf(gapAssetTarget: string): CoverageTarget {
  return /^(any|category:.+|dimension:.+)$/.test(gapAssetTarget) ? (gapAssetTarget as CoverageTarget) : 'any';
}

/** The distances the facilitator can pick (50–2000 m, as the planner's slider); the session allows up to 5000. */
export const gapDistanceStep = 50;
export const gapDistanceMin = 50;
export const gapDistanceMax = 2000;
