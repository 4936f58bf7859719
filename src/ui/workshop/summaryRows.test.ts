import { describe, expect, it } from 'vitest';
import { countRows, formatHeldOn } from './summaryRows';

describe('the summary’s counts', () => {
  it('list most first, equal counts by label, and leave out what is not there', () => {
    const labels: Record<string, string> = { park: 'Park of groen', buurthuis: 'Buurthuis', speelplek: 'Speelplek' };
    expect(countRows({ park: 2, buurthuis: 2, speelplek: 5, bibliotheek: 0 }, (key) => labels[key] ?? key)).toEqual([
      { key: 'speelplek', label: 'Speelplek', count: 5 },
      { key: 'buurthuis', label: 'Buurthuis', count: 2 },
      { key: 'park', label: 'Park of groen', count: 2 },
    ]);
    expect(countRows({}, String)).toEqual([]);
  });
});

describe('the session’s date', () => {
  it('reads as people write it, in the language of the screen', () => {
    expect(formatHeldOn('2026-12-02', 'nl')).toBe('2 december 2026');
    expect(formatHeldOn('2026-12-02', 'en')).toBe('2 December 2026');
  });

  it('is left as it is when it is not a date', () => {
    expect(formatHeldOn('soon', 'nl')).toBe('soon');
  });
});
