import { describe, expect, it } from 'vitest';
import { areaGroups } from './areaGroups';

const areas = [
  { code: 'BU05460001', name: 'Stationsdistrict', level: 'buurt' as const },
  { code: 'BU05460002', name: 'Binnenstad-Noord', level: 'buurt' as const },
  { code: 'WK054608', name: 'Merenwijk', level: 'wijk' as const },
  { code: 'GM0546', name: 'Leiden', level: 'gemeente' as const },
  { code: 'BU05460101', name: 'Centrum', level: 'buurt' as const },
  { code: 'BU05460201', name: 'Centrum', level: 'buurt' as const },
];

describe('areas to make a werkgebied of', () => {
  it('come grouped by level, largest first, sorted by name', () => {
    const groups = areaGroups(areas, '', 'nl');
    expect(groups.map((group) => group.level)).toEqual(['gemeente', 'wijk', 'buurt']);
    expect(groups[2]!.areas.map((area) => area.label)).toEqual([
      'Binnenstad-Noord',
      'Centrum (BU05460101)',
      'Centrum (BU05460201)',
      'Stationsdistrict',
    ]);
  });

  it('can be narrowed by name or code, dropping empty levels', () => {
    expect(areaGroups(areas, 'meren', 'nl')).toEqual([{ level: 'wijk', areas: [{ code: 'WK054608', label: 'Merenwijk' }] }]);
    expect(areaGroups(areas, 'gm0546', 'nl')).toEqual([{ level: 'gemeente', areas: [{ code: 'GM0546', label: 'Leiden' }] }]);
    expect(areaGroups(areas, 'nergens', 'nl')).toEqual([]);
  });
});
