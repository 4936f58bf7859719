import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import osmtogeojson from 'osmtogeojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileErrorOf as fileError, fixtureText as fixture } from '../../../tests/support/importFixtures';
import { requirementMissing, sharedDataDirectory } from '../../../tests/support/sharedRequirements';
import type { AssetImportRow } from '../../backend/wireTypes';
import { readText } from '../readText';
import type { AssetPlan } from '../types';
import { looksLikeOsm, normaliseOsmId, osmAssetPlan, readOsmAssets } from './osmAssets';

const amsterdam = join(sharedDataDirectory, 'osm_substitute_amsterdam');

const sourceIds = (plan: AssetPlan) => plan.rows.map((row) => row.source_id);
const rowWith = (plan: AssetPlan, sourceId: string) => plan.rows.find((row) => row.source_id === sourceId);
const issueKeys = (plan: AssetPlan) => plan.issues.map((issue) => `${issue.row} ${issue.severity} ${issue.key}`);

describe('reading Overpass JSON', () => {
  const plan = osmAssetPlan(fixture('overpass.json'));

  it('numbers rows as osmtogeojson lists the features: areas, lines, points, then assembled routes', () => {
    expect(plan).toMatchObject({ target: 'assets', source: 'osm', attribution: '© OpenStreetMap-bijdragers (ODbL)', totalRows: 7 });
    expect(plan.rows.map((row) => [row.row, row.source_id, row.kind, row.category])).toEqual([
      [1, 'way/2001', 'area', 'park'],
      [3, 'node/1001', 'place', 'buurthuis'],
      [4, 'node/1002', 'place', 'speelplek'],
      [7, 'relation/4001', 'route', 'wandelroute'],
    ]);
  });

  it('skips what is not for Wijkkracht and reports the second copy of an id as an error', () => {
    expect(issueKeys(plan)).toEqual(['2 skip import.row.no_category', '5 skip import.row.no_category', '6 error import.row.duplicate_id']);
    expect(plan.issues[2]).toMatchObject({ params: { id: 'node/1001', first: 3 }, label: 'Buurthuis De Kroon (oud)' });
  });

  it('names unnamed objects by what they are and describes them from their tags', () => {
    expect(rowWith(plan, 'node/1002')?.name).toBe('Speeltuin (zonder naam)');
    expect(rowWith(plan, 'node/1001')).toMatchObject({
      name: 'Buurthuis De Kroon',
      dimensions: ['meedoen', 'zingeving'],
      description: 'Open: Mo-Fr 09:00-17:00. Rolstoeltoegankelijk.',
    });
    expect(rowWith(plan, 'way/2001')?.geometry).toMatchObject({ type: 'Polygon' });
  });

  it('draws a walking route relation from its member ways', () => {
    expect(rowWith(plan, 'relation/4001')).toMatchObject({
      name: 'Singelwandeling',
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [4.491, 52.162],
            [4.49, 52.163],
          ],
        ],
      },
    });
  });

  it('gives the same source ids when the same file is read again', () => {
    expect(sourceIds(osmAssetPlan(fixture('overpass.json')))).toEqual(sourceIds(plan));
  });

  it("reads osmtogeojson's own GeoJSON, with nested or flat tags, to the same ids", () => {
    const converted = (flatProperties: boolean) => JSON.stringify(osmtogeojson(JSON.parse(fixture('overpass.json')), { flatProperties }));
    const withoutRoute = sourceIds(plan).filter((id) => id !== 'relation/4001');
    expect(sourceIds(osmAssetPlan(converted(false)))).toEqual(withoutRoute);
    expect(sourceIds(osmAssetPlan(converted(true)))).toEqual(withoutRoute);
  });
});

describe('reading GeoJSON with OSM tags', () => {
  it('reports an OSM id that appears twice, however it is written', () => {
    const plan = osmAssetPlan(fixture('duplicate_osm_ids.geojson'));
    expect(sourceIds(plan)).toEqual(['node/42', 'way/7']);
    expect(plan.issues).toEqual([
      {
        row: 3,
        severity: 'error',
        key: 'import.row.duplicate_id',
        params: { id: 'node/42', first: 1 },
        label: 'Apotheek Haarlemmerstraat',
      },
    ]);
  });

  it('refuses GeoJSON that has nothing from OpenStreetMap', () => {
    const addresses = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { naam: 'Buurtkamer' }, geometry: { type: 'Point', coordinates: [4.49, 52.16] } }],
    });
    expect(fileError(() => readOsmAssets(addresses)).key).toBe('import.file.not_osm');
  });
});

describe('reading OSM XML', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand-written">
 <node id="11" lat="52.1601" lon="4.4901"><tag k="leisure" v="playground"/><tag k="opening_hours" v="&lt;b&gt;altijd&lt;/b&gt;"/></node>
 <node id="21" lat="52.1610" lon="4.4910"/>
 <node id="22" lat="52.1610" lon="4.4920"/>
 <node id="23" lat="52.1620" lon="4.4920"/>
 <way id="31"><nd ref="21"/><nd ref="22"/><nd ref="23"/><nd ref="21"/><tag k="leisure" v="pitch"/><tag k="sport" v="soccer"/></way>
</osm>`;

  it('reads nodes as places and closed ways as areas, with their OSM ids', () => {
    const plan = osmAssetPlan(xml);
    expect(plan.rows.map((row) => [row.source_id, row.kind, row.category, row.name])).toEqual([
      ['way/31', 'area', 'sportclub', 'Sportveld (zonder naam)'],
      ['node/11', 'place', 'speelplek', 'Speeltuin (zonder naam)'],
    ]);
  });

  it('never puts markup from a tag in the description', () => {
    const description = rowWith(osmAssetPlan(xml), 'node/11')?.description;
    expect(description).toContain('altijd');
    expect(description).not.toMatch(/[<>]/);
  });

  it('refuses a file cut off halfway', () => {
    const error = fileError(() => readOsmAssets(fixture('broken.osm')));
    expect(error.key).toBe('import.file.broken_xml');
    // The parser's own words, which differ between xmldom and browsers; here the cut is inside an attribute.
    expect(error.params.detail).toMatch(/attribute value/);
  });

  it('refuses XML that is not OSM', () => {
    expect(fileError(() => readOsmAssets('<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>')).key).toBe('import.file.not_osm');
  });
});

describe('file-level refusals and detection', () => {
  it('refuses broken JSON with the parser’s reason, and text that is no OSM format at all', () => {
    const broken = fileError(() => readOsmAssets('{"elements": [ {"type": "node",'));
    expect(broken.key).toBe('import.file.broken_json');
    expect(String(broken.params.detail)).not.toBe('');
    expect(fileError(() => readOsmAssets('naam;lat;lon\nBuurtkamer;52.16;4.49')).key).toBe('import.file.not_osm');
    expect(fileError(() => readOsmAssets('[1, 2]')).key).toBe('import.file.not_osm');
  });

  it('normalises the ways tools write OSM ids', () => {
    const id = (value: unknown, type?: unknown) => normaliseOsmId(value, type)?.sourceId ?? null;
    expect(id('n1819064252')).toBe('node/1819064252');
    expect(id('w123')).toBe('way/123');
    expect(id('r5')).toBe('relation/5');
    expect(id('node/123')).toBe('node/123');
    expect(id('relation/5')).toBe('relation/5');
    expect(id(123, 'way')).toBe('way/123');
    expect(id('123', 'N')).toBe('node/123');
    // osmium writes areas as a + 2 × way id, or a + 2 × relation id + 1.
    expect(id('a2846540250')).toBe('way/1423270125');
    expect(id('a11')).toBe('relation/5');
    expect(id('123')).toBeNull();
    expect(id('BU05460000')).toBeNull();
  });

  it('recognises OSM formats from the start of the text', () => {
    expect(looksLikeOsm(fixture('overpass.json'))).toBe(true);
    expect(looksLikeOsm(fixture('duplicate_osm_ids.geojson'))).toBe(true);
    expect(looksLikeOsm(fixture('broken.osm'))).toBe(true);
    expect(looksLikeOsm('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"WK054608"}}]}')).toBe(false);
    expect(looksLikeOsm('naam;lat;lon\n')).toBe(false);
    expect(looksLikeOsm('<kml><Document/></kml>')).toBe(false);
  });
});

const skip = requirementMissing('../shared/data/osm_substitute_amsterdam', existsSync(amsterdam));

describe.skipIf(skip)('the central-Amsterdam extract', () => {
  const categoryCounts = (rows: AssetImportRow[]) =>
    Object.fromEntries(
      [...new Set(rows.map((row) => row.category))]
        .sort()
        .map((category) => [category, rows.filter((row) => row.category === category).length]),
    );

  describe('as GeoJSON from osmium (32 features)', () => {
    // Read in beforeAll, not while collecting: a missing file must skip, not crash the file.
    let plan: AssetPlan;
    beforeAll(() => {
      plan = osmAssetPlan(readFileSync(join(amsterdam, 'osm_health_assets_amsterdam_centre.geojson'), 'utf8'));
    });

    it('imports 27 assets and skips the 5 outlines osmium wrote next to their areas', () => {
      expect(plan.totalRows).toBe(32);
      expect(plan.rows).toHaveLength(27);
      expect(plan.questionedRows).toEqual([]);
      expect(categoryCounts(plan.rows)).toEqual({
        apotheek: 1,
        bibliotheek: 1,
        buurthuis: 3,
        dagbesteding: 1,
        fysiotherapie: 1,
        huisartsenpraktijk: 1,
        ontmoetingsplek: 2,
        park: 2,
        speelplek: 7,
        sportclub: 3,
        zorg_welzijn: 5,
      });
      expect(issueKeys(plan)).toEqual([23, 24, 25, 26, 27].map((row) => `${row} skip import.row.osm_area_outline`));
    });

    it("keeps OSM's id: Dam Apotheek is node/1819064252", () => {
      expect(rowWith(plan, 'node/1819064252')).toMatchObject({
        row: 1,
        kind: 'place',
        category: 'apotheek',
        name: 'Dam Apotheek',
        dimensions: ['lichaamsfuncties'],
        description: 'Damstraat 2. Open: Mo-Fr 08:30-17:30; Sa 08:30-17:00; Su 12:00-17:00. Beperkt rolstoeltoegankelijk.',
      });
    });

    it('names the 11 unnamed objects by their kind, among them the 7 playgrounds', () => {
      const unnamed = plan.rows.filter((row) => row.name.endsWith(' (zonder naam)')).map((row) => row.name);
      expect(unnamed).toHaveLength(11);
      expect(unnamed.filter((name) => name === 'Speeltuin (zonder naam)')).toHaveLength(7);
      expect(rowWith(plan, 'node/2725755031')?.name).toBe('Fysiotherapiepraktijk (zonder naam)');
    });

    it('puts dentists and social facilities under zorg en welzijn, physiotherapy and day care under their own kinds', () => {
      const kind = (category: string) => plan.rows.filter((row) => row.category === category).map((row) => row.name);
      expect(kind('zorg_welzijn')).toEqual(['Studentist', 'Princehof', 'Gastenburgh', 'Aan de Amstel', 'Leger des Heils']);
      expect(kind('fysiotherapie')).toEqual(['Fysiotherapiepraktijk (zonder naam)']);
      expect(kind('dagbesteding')).toEqual(['de Kloof']);
      expect(rowWith(plan, 'node/2724102629')?.dimensions).toEqual(['lichaamsfuncties', 'dagelijks_functioneren']);
    });

    it('turns osmium area ids into way ids, with the area as geometry', () => {
      expect(rowWith(plan, 'way/1423270125')).toMatchObject({
        row: 32,
        kind: 'area',
        name: 'Postzegelpark',
        geometry: { type: 'MultiPolygon' },
      });
    });

    it('reads the points version of the extract to the same ids', () => {
      const points = osmAssetPlan(readFileSync(join(amsterdam, 'osm_health_assets_amsterdam_centre_points.geojson'), 'utf8'));
      expect(sourceIds(points)).toEqual(sourceIds(plan));
      expect(new Set(points.rows.map((row) => row.kind))).toEqual(new Set(['place']));
    });
  });

  describe('as the raw OSM XML (amsterdam_centre_2026-02.osm.gz)', () => {
    let plan: AssetPlan;
    let geoJsonPlan: AssetPlan;

    beforeAll(async () => {
      const started = performance.now();
      const text = await readText(new Uint8Array(readFileSync(join(amsterdam, 'amsterdam_centre_2026-02.osm.gz'))));
      const unzipped = performance.now();
      plan = osmAssetPlan(text);
      const planned = performance.now();
      console.info(
        `amsterdam_centre_2026-02.osm.gz: ${(text.length / 1e6).toFixed(1)} MB of XML, ` +
          `gunzip ${Math.round(unzipped - started)} ms, parse + convert + check ${Math.round(planned - unzipped)} ms`,
      );
      geoJsonPlan = osmAssetPlan(readFileSync(join(amsterdam, 'osm_health_assets_amsterdam_centre.geojson'), 'utf8'));
    }, 120_000);

    it('finds every health asset of the GeoJSON extract under the same id, category and name', () => {
      const fromXml = new Map(plan.rows.map((row) => [row.source_id, row]));
      for (const row of geoJsonPlan.rows) {
        expect(fromXml.get(row.source_id), row.source_id ?? '').toMatchObject({ kind: row.kind, category: row.category, name: row.name });
      }
    });

    it('also finds what the extract was not filtered on: public gardens and walking routes', () => {
      expect(plan.rows).toHaveLength(36);
      expect(plan.issues.filter((issue) => issue.severity !== 'skip')).toEqual([]);
      expect(categoryCounts(plan.rows)).toMatchObject({ park: 6, wandelroute: 5 });
      expect(rowWith(plan, 'way/72004200')).toMatchObject({ name: 'Hoftuin', category: 'park', kind: 'area' });
      expect(rowWith(plan, 'relation/6145716')).toMatchObject({
        name: 'Floris V-pad - 01',
        kind: 'route',
        geometry: { type: 'MultiLineString' },
      });
    });

    it('leaves out private gardens and churches, as skipped rather than wrong', () => {
      for (const id of ['way/158206096', 'way/976110208', 'way/158206091', 'node/1611202845']) {
        expect(rowWith(plan, id), id).toBeUndefined();
      }
      const skipped = plan.issues.filter((issue) => issue.key === 'import.row.no_category');
      expect(skipped.every((issue) => issue.severity === 'skip')).toBe(true);
      expect(skipped.some((issue) => issue.label === 'Waalse kerk')).toBe(true);
      expect(plan.totalRows).toBe(plan.rows.length + skipped.length);
    });
  });

  it('keeps the OSM ids ogr2ogr writes: osm_way_id for closed ways, a bare osm_id typed by its layer', () => {
    const square = [
      [
        [4.49, 52.16],
        [4.491, 52.16],
        [4.491, 52.161],
        [4.49, 52.161],
        [4.49, 52.16],
      ],
    ];
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { osm_id: '123', amenity: 'pharmacy', name: 'A' },
          geometry: { type: 'Point', coordinates: [4.49, 52.16] },
        },
        {
          type: 'Feature',
          properties: { osm_id: null, osm_way_id: '456', leisure: 'park', name: 'B' },
          geometry: { type: 'MultiPolygon', coordinates: [square] },
        },
        {
          type: 'Feature',
          properties: { osm_id: '789', osm_way_id: null, leisure: 'park', name: 'C' },
          geometry: { type: 'MultiPolygon', coordinates: [square] },
        },
      ],
    });
    expect(readOsmAssets(text).map((draft) => draft.value?.source_id)).toEqual(['node/123', 'way/456', 'relation/789']);
  });
});
