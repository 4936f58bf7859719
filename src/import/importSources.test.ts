import { describe, expect, it } from 'vitest';
import { detectFormat, sourceNameForFile } from './importSources';

describe('choosing the importer and the source name', () => {
  it('names the source after the file, leaving out what changes between downloads of the same list', () => {
    expect(sourceNameForFile('C:\\Users\\ans\\Downloads\\welzijn-lijst.csv')).toBe('welzijn-lijst');
    expect(sourceNameForFile('welzijn-lijst (1).csv')).toBe('welzijn-lijst');
    expect(sourceNameForFile('wijkkracht-assets-2026-11-23.geojson')).toBe('wijkkracht-assets');
    expect(sourceNameForFile('amsterdam.osm.gz')).toBe('amsterdam');
    expect(sourceNameForFile('2026-11-23.csv')).toBe('2026-11-23');
  });

  it('detects the format from the name and the first bytes', () => {
    expect(detectFormat('x.csv', 'naam;lat;lon')).toBe('csv');
    expect(detectFormat('export.kml', '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">')).toBe('kml');
    expect(detectFormat('data.osm.gz', '<?xml version="1.0"?>\n<osm version="0.6">')).toBe('osm');
    expect(detectFormat('overpass.json', '{"version":0.6,"elements":[{"type":"node","id":1,"lat":52,"lon":4}]}')).toBe('osm');
    expect(detectFormat('buurten.json', '{"type":"FeatureCollection","features":[{"properties":{"statcode":"BU05460000"}}]}')).toBe(
      'cbs-areas',
    );
    expect(detectFormat('plekken.geojson', '{"type":"FeatureCollection","features":[{"properties":{"naam":"A"}}]}')).toBe('geojson');
    expect(() => detectFormat('foto.png', '\u0089PNG')).toThrow('import.file.unknown_format');
  });
});
