import { describe, expect, it } from 'vitest';
import { isStale, markStale, staleBefore } from './freshness';

describe('freshness', () => {
  const now = new Date('2026-12-03T12:00:00Z');

  it('counts calendar months back from now', () => {
    expect(staleBefore(now, 12).toISOString()).toBe('2025-12-03T12:00:00.000Z');
    expect(staleBefore(now, 24).toISOString()).toBe('2024-12-03T12:00:00.000Z');
  });

  it('calls a place stale when its last confirmation is older than that', () => {
    expect(isStale('2025-12-03T11:59:59Z', 12, now)).toBe(true);
    expect(isStale('2025-12-03T12:00:01Z', 12, now)).toBe(false);
    expect(isStale('2025-11-01T00:00:00+00:00', 24, now)).toBe(false);
    // An unreadable date is no reason to fade a place.
    expect(isStale('', 12, now)).toBe(false);
  });

  it("marks each place by its own werkgebied's months, and hands back the same array when nothing changes", () => {
    const place = (werkgebied_id: string | null, confirmed_at: string) => ({ properties: { werkgebied_id, confirmed_at } });
    const places = [place('leiden', '2025-06-01T00:00:00Z'), place('katwijk', '2025-06-01T00:00:00Z'), place(null, '2026-11-01T00:00:00Z')];
    const monthsOf = (werkgebied: string | null) => (werkgebied === 'katwijk' ? 24 : 12);
    const marked = markStale(places, monthsOf, now);
    expect(marked.map((item) => (item.properties as { stale?: boolean }).stale)).toEqual([true, undefined, undefined]);
    expect(markStale(marked, monthsOf, now)).toBe(marked);
  });
});
