import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fileErrorOf, fixtureText as fixture, wgs84ToRdNew } from '../../../tests/support/importFixtures';
import { readGeoJsonRecords } from './geojsonRecords';

describe('reading a GeoJSON file', () => {
  it('reads features with their properties, numbered from 1', () => {
    const { columns, records } = readGeoJsonRecords(fixture('empty_names.geojson'));
    expect(columns).toEqual(['name', 'category']);
    expect(records.map((record) => [record.row, record.properties.name, record.geometry])).toEqual([
      [1, '', { type: 'Point', coordinates: [4.4985, 52.1652] }],
      [2, '   ', { type: 'Point', coordinates: [4.4902, 52.1701] }],
    ]);
  });

  it('keeps a feature id as the id column unless the properties have one, and collects columns in order', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 17, properties: { name: 'A' }, geometry: null },
        { type: 'Feature', id: 18, properties: { id: 'eigen', soort: 'park' }, geometry: null },
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [4.49, 52.16, 2] } },
      ],
    });
    const { columns, records } = readGeoJsonRecords(text);
    expect(columns).toEqual(['name', 'id', 'soort']);
    expect(records.map((record) => record.properties)).toEqual([{ name: 'A', id: 17 }, { id: 'eigen', soort: 'park' }, {}]);
    expect(records[2]!.geometry).toEqual({ type: 'Point', coordinates: [4.49, 52.16] });
  });

  it('reads a single Feature and a bare geometry', () => {
    const point = { type: 'Point', coordinates: [4.49, 52.16] };
    expect(readGeoJsonRecords(JSON.stringify({ type: 'Feature', properties: { name: 'A' }, geometry: point })).records).toEqual([
      { row: 1, properties: { name: 'A' }, geometry: point },
    ]);
    expect(readGeoJsonRecords(JSON.stringify(point)).records).toEqual([{ row: 1, properties: {}, geometry: point }]);
  });

  it('gives no geometry for coordinates that do not nest as their type says', () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [4.49, 52.16] } };
    expect(readGeoJsonRecords(JSON.stringify(feature)).records[0]!.geometry).toBeNull();
  });

  it('refuses broken JSON, saying what the parser said', () => {
    const error = fileErrorOf(() => readGeoJsonRecords(fixture('broken.json')));
    expect(error.key).toBe('import.file.broken_json');
    expect(String(error.params.detail)).toMatch(/JSON/);
  });

  it('refuses JSON that is not GeoJSON', () => {
    expect(fileErrorOf(() => readGeoJsonRecords('{"naam": "Buurthuis"}')).key).toBe('import.file.not_geojson');
    expect(fileErrorOf(() => readGeoJsonRecords('[1, 2]')).key).toBe('import.file.not_geojson');
  });

  it('refuses a coordinate system it does not know (web mercator)', () => {
    const error = fileErrorOf(() => readGeoJsonRecords(fixture('wrong_crs.geojson')));
    expect(error.key).toBe('import.file.unknown_crs');
    expect(error.params).toEqual({ crs: 'urn:ogc:def:crs:EPSG::3857' });
  });

  describe('in RD New', () => {
    const burcht = [4.4936, 52.1583];
    const [x, y] = wgs84ToRdNew.forward(burcht);
    const collection = (crs?: string) =>
      JSON.stringify({
        type: 'FeatureCollection',
        ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
        features: [{ type: 'Feature', properties: { name: 'De Burcht' }, geometry: { type: 'Point', coordinates: [x, y] } }],
      });

    it.each([
      ['declared', 'urn:ogc:def:crs:EPSG::28992'],
      ['told from the coordinates', undefined],
    ])('converts to WGS84 when %s', (_how, crs) => {
      const [lon, lat] = (readGeoJsonRecords(collection(crs)).records[0]!.geometry as Point).coordinates;
      expect(x).toBeGreaterThan(90_000);
      expect(Math.abs(lon! - burcht[0]!)).toBeLessThan(1e-5);
      expect(Math.abs(lat! - burcht[1]!)).toBeLessThan(1e-5);
    });
  });
});
