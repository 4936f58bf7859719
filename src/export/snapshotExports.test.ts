import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SnapshotTrendPoint } from '../backend/wireTypes';
import { snapshotsCsv } from './snapshotExports';

const steps = (per: number) => Array.from({ length: 41 }, (_, index) => index * per);
const point: SnapshotTrendPoint = {
  id: 's1',
  werkgebied_id: 'w',
  taken_at: '2026-11-01T03:00:00.000Z',
  kind: 'manual',
  month: null,
  note: '=Voor de opening',
  method: {
    step_m: 50,
    max_m: 2000,
    places: 'published',
    population: [{ source: 'cbs-pc4-2021', attribution: 'CBS', spreading: 'areal_weighting', cells: 2300 }],
    walking: {
      detour_factor: 1.4,
      networks: [{ source: 'osm-paden', attribution: '© OpenStreetMap contributors', imported_at: '2026-10-01' }],
    },
  },
  counts: { total: { assets: 12, stories: 30, appreciations: 4 }, by_kind: {}, by_category: {}, by_dimension: {} },
  residents: 1000,
  residents_65plus: 200,
  covered: steps(10),
  covered_65plus: steps(2),
};

describe('snapshots as CSV', () => {
  it('one row per snapshot: its date, note, figures at the step read, counts and method', () => {
    const csv = snapshotsCsv([point], { werkgebiedName: 'Merenwijk', target: 'any', distance: 525, onFoot: true, pace: 4.5 });
    const [row] = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true }).data;
    expect(row).toMatchObject({
      werkgebied: 'Merenwijk',
      taken_at: '2026-11-01T03:00:00.000Z',
      kind: 'zelf gemaakt',
      // A note that looks like a formula stays text.
      note: "'=Voor de opening",
      distance_kind: 'lopend (4,5 km/u; zonder pad: rechte lijn × 1,4)',
      distance_asked_m: '525',
      distance_read_m: '500',
      residents: '1000',
      residents_covered: '100',
      share_covered: '0.1000',
      residents_65plus_covered: '20',
      places: '12',
      stories: '30',
      appreciations: '4',
      population_method: 'cbs-pc4-2021: verdeeld naar oppervlakte (2300 cellen)',
      walking_network: 'osm-paden',
      credits: 'CBS; © OpenStreetMap contributors',
    });
  });
});
