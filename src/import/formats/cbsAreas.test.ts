import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileErrorOf as fileError, fixtureText as fixture, wgs84ToRdNew } from '../../../tests/support/importFixtures';
import { requirementMissing, sharedDataDirectory } from '../../../tests/support/sharedRequirements';
import type { AreaImportRow } from '../../backend/wireTypes';
import { cbsAreaPlan, looksLikeCbsAreas, readCbsAreas } from './cbsAreas';

const leiden = join(sharedDataDirectory, 'leiden');
const leidenFile = (name: string) => readFileSync(join(leiden, `${name}.geojson`), 'utf8');

const collection = (...features: Feature[]): string => JSON.stringify({ type: 'FeatureCollection', features });
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [4.49, 52.16],
      [4.5, 52.16],
      [4.5, 52.17],
      [4.49, 52.17],
      [4.49, 52.16],
    ],
  ],
};
const area = (properties: Record<string, unknown>, geometry: Geometry = square): Feature => ({ type: 'Feature', properties, geometry });

describe('reading CBS and PDOK boundaries', () => {
  it('reads a PDOK buurt: code and name from buurtcode/buurtnaam, parent from wijkcode', () => {
    const text = collection(
      area({
        buurtcode: 'BU05460803',
        buurtnaam: 'Merenwijk-Centrum',
        wijkcode: 'WK054608',
        gemeentecode: 'GM0546',
        gemeentenaam: 'Leiden',
      }),
    );
    expect(readCbsAreas(text)[0]?.value).toEqual({
      row: 1,
      code: 'BU05460803',
      name: 'Merenwijk-Centrum',
      level: 'buurt',
      parent_code: 'WK054608',
      geometry: square,
    });
  });

  it('derives the parent from the code when no property gives it, and completes bare gemeente codes', () => {
    const rows = readCbsAreas(
      collection(
        area({ statcode: 'BU05460900', statnaam: 'Schenkwijk' }),
        area({ wijkcode: 'WK054609', wijknaam: 'Stevenshofdistrict' }),
        area({ gemeentecode: 546, gemeentenaam: 'Leiden' }),
        area({ wijkcode: 'WK054601', wijknaam: 'Binnenstad-Noord', gemeentecode: '546' }),
        area({ postcode: '2333', gemeentecode: '0546' }),
      ),
    ).map((draft) => [draft.value?.code, draft.value?.level, draft.value?.parent_code]);
    expect(rows).toEqual([
      ['BU05460900', 'buurt', 'WK054609'],
      ['WK054609', 'wijk', 'GM0546'],
      ['GM0546', 'gemeente', null],
      ['WK054601', 'wijk', 'GM0546'],
      ['2333', 'pc4', 'GM0546'],
    ]);
  });

  it('takes the level from rubriek, then from the option, when the code does not tell it', () => {
    const text = collection(area({ statcode: 'X1', statnaam: 'Wijkje', rubriek: 'wijk' }), area({ code: 'Z9', name: 'Zone' }));
    expect(readCbsAreas(text).map((draft) => draft.value?.level)).toEqual(['wijk', 'other']);
    expect(readCbsAreas(text, { level: 'buurt' }).map((draft) => draft.value?.level)).toEqual(['wijk', 'buurt']);
  });

  it('reports a feature without a code and one that is not a surface, row by row', () => {
    const plan = cbsAreaPlan(
      collection(
        area({ buurtnaam: 'Zonder code' }),
        area({ buurtcode: 'BU05460000', buurtnaam: 'Pieterswijk' }, { type: 'Point', coordinates: [4.49, 52.16] }),
        area({ buurtcode: 'BU05460001', buurtnaam: 'Academiewijk' }),
        area({ statnaam: 'Ook zonder code' }),
      ),
    );
    expect(plan.rows.map((row) => row.code)).toEqual(['BU05460001']);
    // Two rows without a code are two missing codes, not one code used twice.
    expect(plan.issues).toEqual([
      { row: 1, severity: 'error', key: 'import.row.empty_code', label: 'Zonder code' },
      { row: 2, severity: 'error', key: 'import.row.unsupported_geometry', params: { type: 'Point' }, label: 'Pieterswijk' },
      { row: 4, severity: 'error', key: 'import.row.empty_code', label: 'Ook zonder code' },
    ]);
  });

  it('refuses broken JSON with the reason, and a declared coordinate system it does not know', () => {
    const broken = fileError(() => readCbsAreas('{"type": "FeatureCollection", "features": [ {'));
    expect(broken.key).toBe('import.file.broken_json');
    expect(String(broken.params.detail)).not.toBe('');
    const unknown = fileError(() => readCbsAreas(fixture('wrong_crs_areas.geojson')));
    expect(unknown.key).toBe('import.file.unknown_crs');
    expect(unknown.params).toEqual({ crs: 'urn:ogc:def:crs:EPSG::3857' });
  });
});

const skip = requirementMissing('../shared/data/leiden', existsSync(leiden));

describe.skipIf(skip)('the Leiden boundaries in ../shared/data', () => {
  const rowsOf = (name: string) => {
    const plan = cbsAreaPlan(leidenFile(name));
    expect(plan.issues).toEqual([]);
    expect(plan.questionedRows).toEqual([]);
    expect(plan).toMatchObject({ source: 'cbs', attribution: 'CBS en Kadaster (CC BY 4.0)' });
    return plan.rows;
  };

  it('reads 54 buurten, the six of the Merenwijk under WK054608', () => {
    const buurten = rowsOf('cbs_buurten_leiden_2024_gegeneraliseerd');
    expect(buurten).toHaveLength(54);
    expect(new Set(buurten.map((row) => row.level))).toEqual(new Set(['buurt']));
    const merenwijk = buurten.filter((row) => row.code.startsWith('BU054608'));
    expect(merenwijk.map((row) => row.name)).toEqual([
      'Slaaghwijk',
      'Zijlwijk-Zuid',
      'Zijlwijk-Noord',
      'Merenwijk-Centrum',
      'Leedewijk-Zuid',
      'Leedewijk-Noord',
    ]);
    expect(new Set(merenwijk.map((row) => row.parent_code))).toEqual(new Set(['WK054608']));
    expect(new Set(buurten.map((row) => row.parent_code)).size).toBe(10);
  });

  it('reads 10 wijken WK054600–WK054609 under GM0546', () => {
    const wijken = rowsOf('cbs_wijken_leiden_2022_kwb');
    expect(wijken.map((row) => row.code)).toEqual(Array.from({ length: 10 }, (_, index) => `WK05460${index}`));
    expect(new Set(wijken.map((row) => `${row.level} ${row.parent_code}`))).toEqual(new Set(['wijk GM0546']));
    expect(wijken.find((row) => row.code === 'WK054608')?.name).toBe('Merenwijkdistrict');
  });

  it('reads the gemeente from its gemeentecode and gemeente fields', () => {
    expect(rowsOf('cbs_gemeente_leiden_2022').map(({ code, name, level, parent_code }) => ({ code, name, level, parent_code }))).toEqual([
      { code: 'GM0546', name: 'Leiden', level: 'gemeente', parent_code: null },
    ]);
  });

  it('reads 16 postcode areas, named by their number', () => {
    const postcodes = rowsOf('cbs_pc4_leiden_2021_leeftijd');
    expect(postcodes.map((row) => row.code)).toEqual([
      '2311',
      '2312',
      '2313',
      '2314',
      '2315',
      '2316',
      '2317',
      '2318',
      '2321',
      '2322',
      '2323',
      '2324',
      '2331',
      '2332',
      '2333',
      '2334',
    ]);
    expect(postcodes.every((row) => row.level === 'pc4' && row.name === row.code && row.parent_code === null)).toBe(true);
  });

  describe('in RD New, as CBS publishes its downloads', () => {
    const toRd = (position: Position): Position =>
      wgs84ToRdNew.forward([position[0]!, position[1]!]).map((metres) => Math.round(metres * 1000) / 1000);
    // Read in beforeAll, not while collecting: a missing file must skip, not crash the file.
    let wgs84: FeatureCollection<Polygon | MultiPolygon>;
    let rdCollection: FeatureCollection<Polygon | MultiPolygon>;
    let declared: FeatureCollection<Polygon | MultiPolygon> & { crs: unknown };
    beforeAll(() => {
      wgs84 = JSON.parse(leidenFile('cbs_wijken_leiden_2022_kwb')) as FeatureCollection<Polygon | MultiPolygon>;
      rdCollection = {
        ...wgs84,
        features: wgs84.features.map((feature) => ({
          ...feature,
          geometry:
            feature.geometry.type === 'Polygon'
              ? { ...feature.geometry, coordinates: feature.geometry.coordinates.map((ring) => ring.map(toRd)) }
              : { ...feature.geometry, coordinates: feature.geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(toRd))) },
        })),
      };
      declared = { ...rdCollection, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } } };
    });

    it('is in metres', () => {
      expect(positionsOf(rdCollection.features[0]!.geometry)[0]).toEqual([expect.closeTo(93_000, -4), expect.closeTo(462_000, -4)]);
    });

    it.each([
      ['with the crs declared', () => declared],
      ['with only the coordinates to go by', () => rdCollection],
    ])('converts back to within 2e-5 degrees of the WGS84 file, %s', (_, documentOf) => {
      const document = documentOf();
      const converted = readCbsAreas(JSON.stringify(document)).map((draft) => draft.value as AreaImportRow);
      expect(converted.map((row) => row.code)).toEqual(wgs84.features.map((feature) => feature.properties?.code));
      const largestDifference = Math.max(
        ...converted.flatMap((row, index) => {
          const expected = positionsOf(wgs84.features[index]!.geometry);
          return positionsOf(row.geometry).flatMap((position, at) => [
            Math.abs(position[0]! - expected[at]![0]!),
            Math.abs(position[1]! - expected[at]![1]!),
          ]);
        }),
      );
      expect(largestDifference).toBeLessThan(2e-5);
    });
  });

  it('is recognised as CBS boundaries, and OSM files are not', () => {
    for (const name of [
      'cbs_buurten_leiden_2024_gegeneraliseerd',
      'cbs_wijken_leiden_2022_kwb',
      'cbs_gemeente_leiden_2022',
      'cbs_pc4_leiden_2021_leeftijd',
    ]) {
      expect(looksLikeCbsAreas(leidenFile(name)), name).toBe(true);
    }
    expect(looksLikeCbsAreas(fixture('overpass.json'))).toBe(false);
    expect(looksLikeCbsAreas(fixture('duplicate_osm_ids.geojson'))).toBe(false);
    expect(looksLikeCbsAreas('naam;postcode;lat;lon\nBuurtkamer;2311;52.16;4.49')).toBe(false);
  });
});

function positionsOf(geometry: Polygon | MultiPolygon): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}
