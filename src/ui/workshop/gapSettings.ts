import type { GapPopulation } from '../../domain/workshop';
import type { CoverageTarget, TargetGroup } from '../../domain/types';
import { walkingPaces, wholeMinutesAt } from '../../domain/nearby';

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

/**
 * A walking distance as minutes at both paces, for a room with older residents
 * in it: "7 minuten gewoon, 10 rustig" (4,5 and 3 km/h).
 */
export function onFootMinutes(distance: number): { ordinary: number; slow: number } {
  return { ordinary: wholeMinutesAt(distance, walkingPaces.ordinary), slow: wholeMinutesAt(distance, walkingPaces.slow) };
}

/** The distances the facilitator can pick (50–2000 m, as the planner's slider); the session allows up to 5000. */
export const gapDistanceStep = 50;
export const gapDistanceMin = 50;
export const gapDistanceMax = 2000;
