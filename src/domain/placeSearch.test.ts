import { describe, expect, it } from 'vitest';
import { boxAround, searchEntries, type SearchEntry } from './placeSearch';

const entry = (name: string, kind: SearchEntry['kind'] = 'area'): SearchEntry => ({
  id: name,
  name,
  kind,
  what: 'buurt',
  bbox: [0, 0, 1, 1],
  geometry: { type: 'Point', coordinates: [0.5, 0.5] },
});
const entries = [
  entry('Merenwijk'),
  entry('Zuid-Merenwijk'),
  entry('Buurthuis De Merenwijker', 'place'),
  entry('Hooglândse Kerk', 'place'),
  entry('Leiden Noord'),
  entry('Nieuw-Merenwijk Oost'),
];

describe('searchEntries', () => {
  it('puts names that start with the query first, then a word that does, then any match, shorter first', () => {
    expect(searchEntries('meren', entries).map((found) => found.name)).toEqual([
      'Merenwijk',
      'Zuid-Merenwijk',
      'Nieuw-Merenwijk Oost',
      'Buurthuis De Merenwijker',
    ]);
    expect(searchEntries('enwijk', entries).map((found) => found.name)).toEqual([
      'Merenwijk',
      'Zuid-Merenwijk',
      'Nieuw-Merenwijk Oost',
      'Buurthuis De Merenwijker',
    ]);
  });

  it('ignores case and accents, and waits for two letters', () => {
    expect(searchEntries('HOOGLANDSE', entries).map((found) => found.name)).toEqual(['Hooglândse Kerk']);
    expect(searchEntries('m', entries)).toEqual([]);
    expect(searchEntries('  ', entries)).toEqual([]);
  });

  it('gives at most the limit', () => {
    expect(searchEntries('e', entries)).toEqual([]);
    expect(searchEntries('er', entries, 2)).toHaveLength(2);
  });
});

describe('boxAround', () => {
  it('spans every coordinate of any geometry, or says there is none', () => {
    expect(
      boxAround([
        [
          [
            [4.5, 52.1],
            [4.6, 52.2],
            [4.4, 52.15],
          ],
        ],
      ]),
    ).toEqual([4.4, 52.1, 4.6, 52.2]);
    expect(boxAround([4.5, 52.1])).toEqual([4.5, 52.1, 4.5, 52.1]);
    expect(boxAround([])).toBeNull();
  });
});
