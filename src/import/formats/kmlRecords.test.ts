import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { fileErrorOf, fixtureText as fixture } from '../../../tests/support/importFixtures';
import { kindForGeometry } from '../kindForGeometry';
import { readKmlRecords, type DOMParserLike } from './kmlRecords';

const placemark = (geometry: string) =>
  `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Plek</name>${geometry}</Placemark></kml>`;
const polygon = (coordinates: string) =>
  `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;

describe('reading a KML file', () => {
  const { columns, records } = readKmlRecords(fixture('places.kml'));

  it('reads every Placemark with its Dutch name', () => {
    expect(records.map((record) => [record.row, record.properties.name])).toEqual([
      [1, 'Café De Ooievaar'],
      [2, 'Poëzieroute'],
      [3, 'Park De Put'],
      [4, 'Speeltuinen Ideeën'],
    ]);
    expect(columns).toEqual(expect.arrayContaining(['name', 'description', 'categorie']));
    expect(records[0]!.properties.categorie).toBe('ontmoetingsplek');
  });

  it('drops altitudes, so geometries are 2D', () => {
    expect(records[0]!.geometry).toEqual({ type: 'Point', coordinates: [4.4902, 52.1701] });
    expect(records[1]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [4.483, 52.156],
        [4.49, 52.162],
        [4.499, 52.164],
      ],
    });
  });

  it('makes a place, a route and two areas, the MultiGeometry as one MultiPolygon', () => {
    expect(records.map((record) => kindForGeometry(record.geometry!))).toEqual(['place', 'route', 'area', 'area']);
    expect(records[3]!.geometry?.type).toBe('MultiPolygon');
  });

  it('keeps the text of an HTML description, without its tags', () => {
    expect(records[0]!.properties.description).toBe('Koffie en een praatje');
    expect(records[1]!.properties.description).toBe('Langs de muurgedichten\nelke zondag');
  });

  it('joins lines into a MultiLineString, unwraps a lone part, and keeps mixed parts a collection', () => {
    const geometryOf = (geometry: string) => readKmlRecords(placemark(geometry)).records[0]!.geometry;
    const line = '<LineString><coordinates>4.48,52.15 4.49,52.16</coordinates></LineString>';
    expect(geometryOf(`<MultiGeometry>${line}${line}</MultiGeometry>`)?.type).toBe('MultiLineString');
    expect(geometryOf(`<MultiGeometry>${line}</MultiGeometry>`)?.type).toBe('LineString');
    const mixed = geometryOf(
      `<MultiGeometry><Point><coordinates>4.48,52.15</coordinates></Point>${polygon('4.48,52.15 4.49,52.15 4.49,52.16 4.48,52.15')}</MultiGeometry>`,
    );
    expect(mixed?.type).toBe('GeometryCollection');
  });

  it('refuses broken XML', () => {
    expect(fileErrorOf(() => readKmlRecords('<kml><Placemark><name>Plek</name></kml>')).key).toBe('import.file.broken_xml');
    expect(fileErrorOf(() => readKmlRecords('<kml><Placemark><name>Caf&eacute;</name></Placemark></kml>')).key).toBe(
      'import.file.broken_xml',
    );
  });

  it('refuses broken XML as a browser reports it: a parsererror element in the document', () => {
    const browserLike: DOMParserLike = {
      parseFromString: () => new XmlDomParser().parseFromString('<html><body><parsererror>line 1</parsererror></body></html>', 'text/xml'),
    };
    expect(fileErrorOf(() => readKmlRecords('<kml>', browserLike)).key).toBe('import.file.broken_xml');
  });

  it('refuses XML that is not KML', () => {
    expect(fileErrorOf(() => readKmlRecords('<gpx version="1.1"><wpt lat="52.16" lon="4.49"/></gpx>')).key).toBe('import.file.not_kml');
  });
});
