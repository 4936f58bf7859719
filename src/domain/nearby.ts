/**
 * "Wat is er in de buurt?": the distances a resident can choose and the time
 * on foot they stand for. Distances are straight lines ("hemelsbreed"); a walk
 * along the streets is often longer, so the times are a lower estimate.
 */
export const nearbyDistances = [250, 500, 1000, 2000] as const;
export type NearbyDistance = (typeof nearbyDistances)[number];
export const defaultNearbyDistance: NearbyDistance = 500;

/** km/h: an ordinary pace, and a slow one that suits many older residents. */
export const walkingPaces = { ordinary: 4.5, slow: 3 } as const;

/** The places listed at most; the list says how many more lie within reach. */
export const nearbyListLimit = 50;
/** Where nothing lies within reach, this many nearest places instead. */
export const nearestInstead = 3;

/** Whole minutes on foot, at least 1: "0 minutes" reads as "here". */
export function minutesOnFoot(metres: number, kmPerHour: number): number {
  return Math.max(1, Math.ceil(metres / ((kmPerHour * 1000) / 60)));
}
