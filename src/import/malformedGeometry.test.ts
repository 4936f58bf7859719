import { describe, expect, it } from 'vitest';
import { fileErrorOf, fixtureText } from '../../tests/support/importFixtures';
import type { Category } from '../backend/wireTypes';
import { detectFormat, planFromText, type ImportFormat } from './importSources';

/**
 * Coordinates a file can hold that the readers must refuse with a message,
 * never with an exception (a stack trace in the CLI): null, text, and arrays
 * nested so deep that a recursive walk overflows the stack.
 */

const categories: Category[] = [{ id: 'buurthuis', label_nl: 'Buurthuis', label_en: 'Community centre', color: '#000' }];
const nestedDeep = '['.repeat(10_000) + ']'.repeat(10_000);
const brokenGeometries: Record<string, string> = {
  'coordinates null': '{"type": "Point", "coordinates": null}',
  'coordinates as text': '{"type": "Point", "coordinates": "x"}',
  'a polygon nested 10 000 deep': `{"type": "Polygon", "coordinates": ${nestedDeep}}`,
  'a point of two arrays nested 10 000 deep': `{"type": "Point", "coordinates": [${nestedDeep}, ${nestedDeep}]}`,
  'a type that names no geometry ("constructor")': `{"type": "constructor", "coordinates": ${nestedDeep}}`,
  'collections nested 5 000 deep': `${'{"type": "GeometryCollection", "geometries": ['.repeat(5000)}${']}'.repeat(5000)}`,
};

// One feature with OSM tags (read by the OSM reader) and a category (read by the plain GeoJSON reader).
const collectionWith = (geometry: string, properties = '"amenity": "community_centre", "category": "buurthuis", "name": "De Kooi"') =>
  `{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "node/1", "properties": {${properties}}, "geometry": ${geometry}}]}`;

const plan = (format: ImportFormat, text: string) => planFromText(format, text, { fileName: 'kapot.geojson', categories });

describe('broken coordinates give a message per row, never an exception', () => {
  describe.each<ImportFormat>(['geojson', 'osm'])('the %s reader', (format) => {
    it.each(Object.entries(brokenGeometries))('%s', (_, geometry) => {
      const { rows, issues } = plan(format, collectionWith(geometry));
      expect(rows).toEqual([]);
      expect(issues).toEqual([{ row: 1, severity: 'error', key: 'import.row.broken_geometry', label: 'De Kooi' }]);
    });
  });

  it('CBS boundaries, which are sampled for their coordinate system before they are read', () => {
    const { rows, issues } = plan(
      'cbs-areas',
      collectionWith(`{"type": "Polygon", "coordinates": ${nestedDeep}}`, '"buurtcode": "BU05460000"'),
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ row: 1, severity: 'error', key: 'import.row.broken_geometry' })]);
  });

  it('an OSM file with broken rows among good ones: the broken rows are named, the good one stays', () => {
    const text = fixtureText('broken_coordinates_osm.geojson');
    expect(detectFormat('broken_coordinates_osm.geojson', text)).toBe('osm');
    const { rows, issues } = plan('osm', text);
    expect(issues.map(({ row, key }) => ({ row, key }))).toEqual([
      { row: 1, key: 'import.row.broken_geometry' },
      { row: 2, key: 'import.row.broken_geometry' },
    ]);
    expect(rows).toEqual([expect.objectContaining({ source_id: 'node/3', name: 'De Kooi' })]);
  });

  it('refuses Overpass JSON that osmtogeojson cannot convert', () => {
    const overpass =
      '{"elements": [{"type": "relation", "id": 1, "members": "x", "tags": {"type": "multipolygon", "amenity": "library"}}]}';
    expect(fileErrorOf(() => plan('osm', overpass)).key).toBe('import.file.broken_osm');
  });

  it('refuses, with a message, a file that overflows a library the readers use (KML shapes nested 10 000 deep)', () => {
    const shape = `${'<MultiGeometry>'.repeat(10_000)}<Point><coordinates>4.49,52.16</coordinates></Point>${'</MultiGeometry>'.repeat(10_000)}`;
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>De Kooi</name>${shape}</Placemark></Document></kml>`;
    expect(fileErrorOf(() => plan('kml', kml)).key).toBe('import.file.unexpected');
  });
});
