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

/** Metres walked in a minute at a pace in km/h: 75 at 4.5, 50 at 3. */
export function metresPerMinute(kmPerHour: number): number {
  return (kmPerHour * 1000) / 60;
}

/** The whole minutes on foot nearest a distance at a pace: what the planner's minute slider shows. */
export function wholeMinutesAt(metres: number, kmPerHour: number): number {
  return Math.round(metres / metresPerMinute(kmPerHour));
}

/** Whole minutes on foot, at least 1: "0 minutes" reads as "here". */
export function minutesOnFoot(metres: number, kmPerHour: number): number {
  return Math.max(1, Math.ceil(metres / metresPerMinute(kmPerHour)));
}

/**
 * Off the footway network a straight stretch counts this many times its length
 * (the median detour in central Amsterdam is 1.3–1.5). The same number as
 * internal.walk_detour_factor() in supabase/schemas/15_walking.sql; a SQL test
 * checks they agree.
 */
export const walkDetourFactor = 1.4;
