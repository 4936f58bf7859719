import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureText as fixture, wgs84ToRdNew } from '../../tests/support/importFixtures';
import type { Category } from '../backend/wireTypes';
import { guessColumnMapping, mapRecordsToAssetPlan, mapRecordsToAssets, type ColumnMapping } from './columnMapping';
import { readCsvRecords } from './formats/csvRecords';
import { readGeoJsonRecords } from './formats/geojsonRecords';
import { readKmlRecords } from './formats/kmlRecords';
import { importLimits } from './limits';
import type { SourceRecord } from './types';

// As seeded by the migrations (the colours do not matter here).
const categories: Category[] = [
  ['buurthuis', 'Buurthuis', 'Community centre'],
  ['ontmoetingsplek', 'Ontmoetingsplek', 'Meeting place'],
  ['sportclub', 'Sportclub', 'Sports club'],
  ['wandelroute', 'Wandelroute', 'Walking route'],
  ['initiatief', 'Bewonersinitiatief', 'Citizen initiative'],
  ['bibliotheek', 'Bibliotheek', 'Library'],
  ['park', 'Park of groen', 'Park or green space'],
  ['speelplek', 'Speelplek', 'Playground'],
].map(([id, label_nl, label_en]) => ({ id: id!, label_nl: label_nl!, label_en: label_en!, color: '#000000' }));

const noColumns: ColumnMapping = {
  name: 'naam',
  category: { fixed: 'initiatief' },
  description: null,
  story: null,
  id: null,
  dimensions: null,
  latitude: null,
  longitude: null,
  wkt: null,
  address: null,
};

const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
const record = (properties: Record<string, unknown>, geometry: SourceRecord['geometry'] = point(4.49, 52.16)): SourceRecord => ({
  row: 2,
  properties,
  geometry,
});

function csvPlan(name: string) {
  const { columns, records } = readCsvRecords(fixture(name));
  return mapRecordsToAssetPlan(records, guessColumnMapping(columns, 'csv'), categories, name, null);
}

function geoJsonPlan(name: string) {
  const { columns, records } = readGeoJsonRecords(fixture(name));
  return mapRecordsToAssetPlan(records, guessColumnMapping(columns, 'geojson'), categories, name, null);
}

describe('guessing the column mapping', () => {
  it('recognises Dutch headers', () => {
    const columns = ['Naam', 'Categorie', 'Breedtegraad', 'Lengtegraad', 'Waarom', 'ID', 'Omschrijving', 'Dimensies', 'Adres'];
    expect(guessColumnMapping(columns, 'csv')).toEqual({
      name: 'Naam',
      category: { column: 'Categorie' },
      description: 'Omschrijving',
      story: 'Waarom',
      id: 'ID',
      dimensions: 'Dimensies',
      latitude: 'Breedtegraad',
      longitude: 'Lengtegraad',
      wkt: null,
      address: 'Adres',
    });
  });

  it('recognises English headers, prefers source_id as the id, and x/y as coordinates', () => {
    const mapping = guessColumnMapping(['code', 'id', 'Source ID', 'title', 'type', 'story', 'x', 'y', 'WKT'], 'csv');
    expect(mapping).toMatchObject({
      id: 'Source ID',
      name: 'title',
      category: { column: 'type' },
      story: 'story',
      longitude: 'x',
      latitude: 'y',
      wkt: 'WKT',
    });
  });

  it('makes every row a citizen initiative when no column holds the category', () => {
    expect(guessColumnMapping(['naam'], 'csv').category).toEqual({ fixed: 'initiatief' });
  });

  it('takes no coordinate columns for GeoJSON and KML, whose features carry their geometry', () => {
    expect(guessColumnMapping(['name', 'lat', 'lon', 'geometry', 'address'], 'geojson')).toMatchObject({
      name: 'name',
      latitude: null,
      longitude: null,
      wkt: null,
      address: null,
    });
  });
});

describe('mapping records to assets', () => {
  it('maps the Dutch CSV: decimal commas, a category by its label, the story and the id', () => {
    const plan = csvPlan('places.csv');
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((row) => [row.row, row.kind, row.category, row.name])).toEqual([
      [2, 'place', 'buurthuis', 'Buurthuis De Kooi'],
      [3, 'place', 'ontmoetingsplek', 'Koffiehoek Noord'],
      [4, 'place', 'sportclub', 'Sportpark Zuid'],
      [5, 'place', 'bibliotheek', 'Bibliotheek Centrum'],
    ]);
    expect(plan.rows[1]).toMatchObject({
      geometry: point(4.4902, 52.1701),
      story: 'Koffie op dinsdag, iedereen welkom',
      source_id: 'leiden-002',
    });
  });

  it('maps WKT lines to routes and polygons to areas', () => {
    const plan = csvPlan('places_wkt.csv');
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((row) => [row.kind, row.category, row.geometry.type])).toEqual([
      ['route', 'wandelroute', 'LineString'],
      ['area', 'park', 'Polygon'],
    ]);
  });

  it('maps KML placemarks with the category from their extended data', () => {
    const { columns, records } = readKmlRecords(fixture('places.kml'));
    const plan = mapRecordsToAssetPlan(records, guessColumnMapping(columns, 'kml'), categories, 'places', null);
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((row) => [row.name, row.kind, row.category])).toEqual([
      ['Café De Ooievaar', 'place', 'ontmoetingsplek'],
      ['Poëzieroute', 'route', 'wandelroute'],
      ['Park De Put', 'area', 'park'],
      ['Speeltuinen Ideeën', 'area', 'speelplek'],
    ]);
  });

  it('skips rows that only have an address, until geocoding exists', () => {
    const { columns, records } = readCsvRecords(fixture('addresses.csv'));
    const drafts = mapRecordsToAssets(records, guessColumnMapping(columns, 'csv'), categories);
    expect(drafts.map((draft) => [draft.value, draft.issues.map((issue) => [issue.row, issue.severity, issue.key, issue.label])])).toEqual([
      [null, [[2, 'skip', 'import.row.needs_geocoding', 'Buurthuis Morskwartier']]],
      [null, [[3, 'skip', 'import.row.needs_geocoding', 'Speeltuin Noord']]],
    ]);
  });

  it('refuses names with markup', () => {
    expect(csvPlan('html_names.csv').issues.map((issue) => [issue.row, issue.key])).toEqual([
      [2, 'import.row.markup'],
      [3, 'import.row.markup'],
    ]);
  });

  it('refuses empty and blank names', () => {
    expect(geoJsonPlan('empty_names.geojson').issues.map((issue) => [issue.row, issue.key])).toEqual([
      [1, 'import.row.empty_name'],
      [2, 'import.row.empty_name'],
    ]);
  });

  // @turf/boolean-valid alone lets this bow-tie through; checkRow also looks for kinks.
  it('refuses a self-intersecting polygon', () => {
    expect(geoJsonPlan('self_intersecting.geojson').issues.map((issue) => issue.key)).toEqual(['import.row.invalid_geometry']);
  });

  it('reads the self-intersecting polygon as an area, for checkRow to judge', () => {
    const { records } = readGeoJsonRecords(fixture('self_intersecting.geojson'));
    const [draft] = mapRecordsToAssets(records, guessColumnMapping(['name', 'category'], 'geojson'), categories);
    expect(draft!.value).toMatchObject({ kind: 'area', category: 'park', name: 'Vlinderveld' });
  });

  it('matches categories by id or label, without case, and reports unknown ones', () => {
    const mapping: ColumnMapping = { ...noColumns, category: { column: 'soort' } };
    const drafts = mapRecordsToAssets(
      [record({ naam: 'A', soort: ' PARK OF GROEN ' }), record({ naam: 'B', soort: 'Playground' }), record({ naam: 'C', soort: 'Kroeg' })],
      mapping,
      categories,
    );
    expect(drafts.map((draft) => draft.value?.category ?? null)).toEqual(['park', 'speelplek', null]);
    expect(drafts[2]!.issues).toEqual([
      { row: 2, severity: 'error', key: 'import.row.unknown_category', params: { value: 'Kroeg' }, label: 'C' },
    ]);
  });

  it('reads dimensions as ids or Dutch labels, and reports unknown ones', () => {
    const mapping: ColumnMapping = { ...noColumns, dimensions: 'gezondheid' };
    const [known, unknown] = mapRecordsToAssets(
      [
        record({ naam: 'A', gezondheid: 'Meedoen; Mentaal welbevinden, zingeving,meedoen' }),
        record({ naam: 'B', gezondheid: 'Lichaamsfuncties;Geluk' }),
      ],
      mapping,
      categories,
    );
    expect(known!.value?.dimensions).toEqual(['meedoen', 'mentaal_welbevinden', 'zingeving']);
    expect(known!.issues).toEqual([]);
    expect(unknown!.issues.map((issue) => [issue.key, issue.params])).toEqual([['import.row.unknown_dimension', { value: 'Geluk' }]]);
  });

  it('refuses geometries that make no asset', () => {
    const [draft] = mapRecordsToAssets(
      [record({ naam: 'Bankjes' }, { type: 'MultiPoint', coordinates: [[4.49, 52.16]] })],
      noColumns,
      categories,
    );
    expect(draft!.value).toBeNull();
    expect(draft!.issues.map((issue) => [issue.key, issue.params])).toEqual([['import.row.unsupported_geometry', { type: 'MultiPoint' }]]);
  });

  it('turns numbers into text and an empty id into none', () => {
    const mapping: ColumnMapping = { ...noColumns, id: 'nummer', description: 'over' };
    const [numbered, blank] = mapRecordsToAssets(
      [record({ naam: 12, nummer: 17, over: true }), record({ naam: 'B', nummer: '  ' })],
      mapping,
      categories,
    );
    expect(numbered!.value).toMatchObject({ name: '12', source_id: '17', description: 'true' });
    expect(blank!.value?.source_id).toBeNull();
  });

  describe('coordinates from columns', () => {
    const mapping: ColumnMapping = { ...noColumns, latitude: 'lat', longitude: 'lon', wkt: 'wkt' };
    const located = (properties: Record<string, unknown>) => mapRecordsToAssets([record(properties, null)], mapping, categories)[0]!;

    it('reads decimal commas and points', () => {
      expect(located({ naam: 'A', lat: '52,1652', lon: ' 4,4985 ' }).value?.geometry).toEqual(point(4.4985, 52.1652));
      expect(located({ naam: 'A', lat: '52.1652', lon: 4.4985 }).value?.geometry).toEqual(point(4.4985, 52.1652));
    });

    it('reports coordinates that are not numbers, and WKT it cannot read', () => {
      expect(located({ naam: 'A', lat: 'noord', lon: '4,49' }).issues.map((issue) => issue.key)).toEqual(['import.row.bad_coordinates']);
      expect(located({ naam: 'A', lat: '52,16' }).issues.map((issue) => issue.key)).toEqual(['import.row.bad_coordinates']);
      expect(located({ naam: 'A', wkt: 'POINT (4.49)' }).issues.map((issue) => [issue.key, issue.params])).toEqual([
        ['import.row.bad_field', { field: 'wkt' }],
      ]);
      expect(located({ naam: 'A' }).issues.map((issue) => issue.key)).toEqual(['import.row.no_geometry']);
    });

    it('converts RD New x/y columns to WGS84', () => {
      const [x, y] = wgs84ToRdNew.forward([4.4936, 52.1583]);
      const [lon, lat] = (located({ naam: 'De Burcht', lat: y, lon: x }).value?.geometry as Point).coordinates;
      expect(Math.abs(lon! - 4.4936)).toBeLessThan(1e-5);
      expect(Math.abs(lat! - 52.1583)).toBeLessThan(1e-5);
    });

    it('leaves swapped latitude and longitude for the checks to catch', () => {
      const plan = mapRecordsToAssetPlan([record({ naam: 'A', lat: '4,49', lon: '52,16' }, null)], mapping, categories, 'test', null);
      expect(plan.issues.map((issue) => issue.key)).toEqual(['import.row.swapped_coordinates']);
    });
  });

  it('refuses more rows than an import may hold, and none', () => {
    const records = Array.from({ length: importLimits.maxAssetRows + 1 }, (_, index) => ({ ...record({ naam: 'A' }), row: index + 1 }));
    expect(() => mapRecordsToAssetPlan(records, noColumns, categories, 'test', null)).toThrow(/import\.file\.too_many_rows/);
    expect(() => mapRecordsToAssetPlan([], noColumns, categories, 'test', null)).toThrow(/import\.file\.empty/);
  });
});
