import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requirementMissing, sharedDataDirectory } from '../../../tests/support/sharedRequirements';
import { boxGeometry } from '../../../tests/support/werkgebiedFixtures';
import { detectFormat, planFromText } from '../importSources';
import { looksLikePopulationWeights, populationWeightPlan } from './populationWeights';

const feature = (properties: Record<string, unknown>, geometry: unknown = { type: 'Point', coordinates: [4.49, 52.16] }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
describe('population weights from a file', () => {
  it('counts an OpenStreetMap building as its flats, or 1, and a garage or office as 0', () => {
    const plan = populationWeightPlan(
      collection(
        feature({ osm_id: 'w1', building: 'yes' }),
        feature({ osm_id: 'w2', building: 'apartments', 'building:flats': '24' }),
        feature({ osm_id: 'w3', building: 'garage' }),
        feature({ osm_id: 'w4', building: 'office', 'building:flats': '3' }),
      ),
      'gebouwen',
    );
    expect(plan.rows.map((row) => row.weight)).toEqual([1, 24, 0, 0]);
    expect(plan).toMatchObject({ target: 'population-weights', source: 'gebouwen', attribution: '© OpenStreetMap-bijdragers (ODbL)' });
  });

  it('takes a count of dwellings or addresses as written, with a decimal comma, and refuses a Dutch "1.000" and a negative count', () => {
    const plan = populationWeightPlan(
      collection(
        feature({ woningen: 12 }),
        feature({ aantal_adressen: '7,5' }),
        feature({ woningen: '1.000' }),
        feature({ woningen: -1 }),
        feature({ naam: 'Zonder aantal' }),
        feature(
          { woningen: 3 },
          {
            type: 'LineString',
            coordinates: [
              [4.49, 52.16],
              [4.5, 52.17],
            ],
          },
        ),
      ),
      'adressen',
    );
    expect(plan.rows.map((row) => [row.row, row.weight])).toEqual([
      [1, 12],
      [2, 7.5],
    ]);
    expect(plan.issues.map((issue) => [issue.row, issue.severity, issue.key])).toEqual([
      [3, 'error', 'import.row.bad_weight'],
      [4, 'error', 'import.row.bad_weight'],
      [5, 'error', 'import.row.no_weight'],
      [6, 'skip', 'import.row.weight_not_point_or_area'],
    ]);
    expect(plan.attribution).toBeNull();
    // Nor an English "1,000": a thousand, or one?
    expect(populationWeightPlan(collection(feature({ woningen: '1,000' })), 'x').issues.map((issue) => issue.key)).toEqual([
      'import.row.bad_weight',
    ]);
  });

  it('reads areas in RD New into WGS84', () => {
    // 100 × 100 m in Leiden, in RD New metres.
    const plan = populationWeightPlan(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: [feature({ woningen: 40 }, boxGeometry([93_000, 463_000, 93_100, 463_100]))],
      }),
      'blok',
    );
    const [lon, lat] = (plan.rows[0]!.geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
    expect(lon).toBeCloseTo(4.49, 1);
    expect(lat).toBeCloseTo(52.16, 1);
  });

  it('refuses a file with nothing to weigh by', () => {
    expect(() => populationWeightPlan(collection(feature({ woningen: 1 }, { type: 'LineString', coordinates: [] })), 'x')).toThrow(
      /import\.file\.no_weights/,
    );
  });

  it('is recognised: buildings and counts of dwellings, not places or a CBS population file', () => {
    const buildings = collection(feature({ osm_id: 'w1', building: 'house' }));
    expect(looksLikePopulationWeights(buildings)).toBe(true);
    expect(detectFormat('gebouwen.geojson', buildings)).toBe('population-weights');
    expect(detectFormat('adressen.geojson', collection(feature({ aantal_adressen: 4 })))).toBe('population-weights');
    expect(detectFormat('plekken.geojson', collection(feature({ osm_id: 'n1', amenity: 'community_centre', building: 'yes' })))).toBe(
      'osm',
    );
    expect(detectFormat('pc4.geojson', collection(feature({ postcode: '2311', inwoners: 10, inw_65plus_sum: 2 })))).toBe('cbs-population');
  });
});

const wijkFile = join(sharedDataDirectory, 'leiden', 'cbs_wijken_leiden_2022_kwb.geojson');
const missing = requirementMissing(`CBS's Leiden wijken ${wijkFile}`, existsSync(wijkFile));

describe.skipIf(missing)('CBS key figures as weights (../shared/data)', () => {
  it('reads each wijk’s dwellings when the file is chosen as weights, named after the file', () => {
    const text = readFileSync(wijkFile, 'utf8');
    // On its own the file is read as areas with their residents; as weights it must be chosen.
    expect(detectFormat('cbs_wijken_leiden_2022_kwb.geojson', text)).toBe('cbs-areas-population');
    const plan = planFromText('population-weights', text, { fileName: 'cbs_wijken_leiden_2022_kwb.geojson', categories: [] });
    const wijken = (JSON.parse(text) as { features: Array<{ properties: { dwelling_total: number; name: string } }> }).features;
    expect(plan).toMatchObject({ target: 'population-weights', source: 'cbs_wijken_leiden_2022_kwb', attribution: 'CBS (CC BY 4.0)' });
    expect(plan.rows).toHaveLength(10);
    const rows = plan.rows as Array<{ weight: number; name?: string }>;
    expect(rows.map((row) => row.weight)).toEqual(wijken.map((wijk) => wijk.properties.dwelling_total));
    // The preview table names each row by its wijk.
    expect(rows.map((row) => row.name)).toEqual(wijken.map((wijk) => wijk.properties.name));
  });
});
