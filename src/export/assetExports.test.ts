import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AssetCollection, AssetFeature } from '../backend/wireTypes';
import { readCsvRecords } from '../import/formats/csvRecords';
import { assetsCsv, assetsKml } from './assetExports';
import { csvText } from './csvText';
import { wktText } from './wktText';

const feature = (name: string, description = ''): AssetFeature => ({
  type: 'Feature',
  id: '11111111-1111-4111-8111-111111111111',
  geometry: { type: 'Point', coordinates: [4.5, 52.17] },
  properties: {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'place',
    category: 'buurthuis',
    dimensions: ['meedoen', 'zingeving'],
    name,
    description,
    status: 'published',
    werkgebied_id: null,
    moderation_note: null,
    mine: false,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    confirmed_at: '2026-11-23T10:00:00Z',
    version: 1,
    source: 'osm',
    source_id: 'node/1',
    attribution: '© OpenStreetMap-bijdragers (ODbL)',
  },
});
const collection = (...features: AssetFeature[]): AssetCollection => ({ type: 'FeatureCollection', features });

describe('exports', () => {
  it('keeps spreadsheet formulas from running (CSV injection), but leaves negative numbers alone', () => {
    const text = csvText(['a', 'b', 'c', 'd'], [{ a: '=HYPERLINK("http://x")', b: '-4.5', c: '@SUM(A1)', d: "-1+cmd|' /C calc'!A0" }]);
    const [, row] = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data;
    expect(row).toEqual(['\'=HYPERLINK("http://x")', '-4.5', "'@SUM(A1)", "'-1+cmd|' /C calc'!A0"]);
  });

  it('writes assets as CSV with coordinates, WKT, dimensions and the credit, readable by Excel (BOM)', () => {
    const text = assetsCsv(collection(feature('Buurthuis "De Kooi"; Leiden')));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [record] = Papa.parse<Record<string, string>>(text.slice(1), { header: true }).data;
    expect(record).toMatchObject({
      name: 'Buurthuis "De Kooi"; Leiden',
      latitude: '52.17',
      longitude: '4.5',
      wkt: 'POINT (4.5 52.17)',
      dimensions: 'meedoen,zingeving',
      attribution: '© OpenStreetMap-bijdragers (ODbL)',
      source_id: 'node/1',
    });
  });

  it('writes CSV that our own importer reads back, separators and formula signs included', () => {
    const { records, delimiter } = readCsvRecords(assetsCsv(collection(feature('Buurthuis;=1+1;', 'Open: ma-vr; za, zo'))));
    expect(delimiter).toBe(',');
    expect(records.map((record) => record.properties)).toEqual([
      expect.objectContaining({ name: 'Buurthuis;=1+1;', description: 'Open: ma-vr; za, zo', wkt: 'POINT (4.5 52.17)', latitude: '52.17' }),
    ]);
  });

  it('escapes names and descriptions in KML, so no markup gets through', () => {
    const kml = assetsKml(collection(feature('<script>alert(1)</script> & co', 'a < b')), ['© OpenStreetMap-bijdragers (ODbL)']);
    expect(kml).not.toContain('<script>');
    expect(kml).toContain('<name>&#60;script&#62;alert(1)&#60;/script&#62; &#38; co</name>');
    expect(kml).toContain('<description>© OpenStreetMap-bijdragers (ODbL)</description>');
  });

  it('writes WKT for every shape kind', () => {
    expect(
      wktText({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      }),
    ).toBe('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))');
    expect(
      wktText({
        type: 'LineString',
        coordinates: [
          [4.5, 52],
          [4.6, 52.1],
        ],
      }),
    ).toBe('LINESTRING (4.5 52, 4.6 52.1)');
  });
});
