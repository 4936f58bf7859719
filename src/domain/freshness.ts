/**
 * Fresh places: a place not confirmed ("bestaat nog") for its werkgebied's
 * number of months (supabase/schemas/13_freshness.sql; 12 unless set) may be
 * gone, and is shown faded.
 */
export const defaultStaleAfterMonths = 12;

/** The moment `months` calendar months before `now`: what was last confirmed earlier is stale. */
export function staleBefore(now: Date, months: number): Date {
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - months);
  return before;
}

export function isStale(confirmedAt: string, months: number, now: Date): boolean {
  const confirmed = Date.parse(confirmedAt);
  return Number.isFinite(confirmed) && confirmed < staleBefore(now, months).getTime();
}

interface Dated {
  properties: { werkgebied_id: string | null; confirmed_at: string; stale?: boolean };
}

/**
 * The places with `stale` set where they were not confirmed for their
 * werkgebied's months (`monthsOf`); the same array when nothing changes, so the
 * map redraws nothing.
 */
export function markStale<T extends Dated>(places: T[], monthsOf: (werkgebiedId: string | null) => number, now: Date): T[] {
  let changed = false;
  const marked = places.map((place) => {
    const stale = isStale(place.properties.confirmed_at, monthsOf(place.properties.werkgebied_id), now);
    if (stale === (place.properties.stale ?? false)) return place;
    changed = true;
    return { ...place, properties: { ...place.properties, stale } };
  });
  return changed ? marked : places;
}
