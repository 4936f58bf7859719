import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import type { AssetCollection, AssetFeature, ExportedLink } from '../backend/wireTypes';
import { linksCsv, linksGeoJson, linksKml } from './linkExports';

describe('linksCsv', () => {
  it('writes a row per connection with both places (quoted, with a BOM for spreadsheets, as csvText does)', () => {
    const csv = linksCsv([
      {
        id: 'l1',
        kind: 'meets_at',
        from_id: 'a',
        from_name: 'Cirkel van Truus',
        from_category: 'cirkel',
        to_id: 'b',
        to_name: 'Sportcentrum "De Zijl", Leiden',
        to_category: 'sportclub',
        created_at: '2026-12-03T10:00:00Z',
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF"kind","from_id","from_name","from_category","to_id","to_name","to_category","created_at"',
      '"meets_at","a","Cirkel van Truus","cirkel","b","Sportcentrum ""De Zijl"", Leiden","sportclub","2026-12-03T10:00:00Z"',
    ]);
  });
});

describe('linksGeoJson', () => {
  const place = (id: string, geometry: AssetFeature['geometry']) =>
    ({ type: 'Feature', id, geometry, properties: {} }) as unknown as AssetFeature;
  const link = (id: string, from: string, to: string): ExportedLink => ({
    id,
    kind: 'part_of',
    from_id: from,
    from_name: `naam ${from}`,
    from_category: 'cirkel',
    to_id: to,
    to_name: `naam ${to}`,
    to_category: 'sportclub',
    created_at: '2026-12-03T10:00:00Z',
  });

  it('draws each connection as a line from a point on one place to a point inside the other, and leaves out one to a place not exported', () => {
    const places: AssetCollection = {
      type: 'FeatureCollection',
      features: [
        place('a', { type: 'Point', coordinates: [4.5, 52.1] }),
        place('b', {
          type: 'Polygon',
          coordinates: [
            [
              [4.6, 52.2],
              [4.62, 52.2],
              [4.62, 52.22],
              [4.6, 52.22],
              [4.6, 52.2],
            ],
          ],
        }),
      ],
    };
    const collection = JSON.parse(linksGeoJson([link('l1', 'a', 'b'), link('l2', 'a', 'gone')], places)) as FeatureCollection<LineString>;
    expect(collection.features).toHaveLength(1);
    const [line] = collection.features;
    expect(line!.id).toBe('l1');
    expect(line!.properties).toMatchObject({ kind: 'part_of', from_id: 'a', to_id: 'b', to_name: 'naam b' });
    const [from, to] = line!.geometry.coordinates as [[number, number], [number, number]];
    expect(from).toEqual([4.5, 52.1]);
    // Inside the area, not on its outline's first corner.
    expect(to[0]).toBeGreaterThan(4.6);
    expect(to[0]).toBeLessThan(4.62);
    expect(to[1]).toBeGreaterThan(52.2);
    expect(to[1]).toBeLessThan(52.22);
  });
});

describe('linksKml', () => {
  it('writes each connection as a named, escaped KML line with its properties', () => {
    const places: AssetCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', geometry: { type: 'Point', coordinates: [4.5, 52.1] }, properties: {} } as unknown as AssetFeature,
        { type: 'Feature', id: 'b', geometry: { type: 'Point', coordinates: [4.6, 52.2] }, properties: {} } as unknown as AssetFeature,
      ],
    };
    const kml = linksKml(
      [
        {
          id: 'l1',
          kind: 'works_with',
          from_id: 'a',
          from_name: 'Huisarts <Rozenhof>',
          from_category: 'huisartsenpraktijk',
          to_id: 'b',
          to_name: 'Sociaal team & wijk',
          to_category: 'sociaal_team',
          created_at: '2026-12-03T10:00:00Z',
        },
      ],
      places,
    );
    expect(kml).toContain('<name>Huisarts &#60;Rozenhof&#62; → Sociaal team &#38; wijk</name>');
    expect(kml).toContain('<LineString><coordinates>4.5,52.1 4.6,52.2</coordinates></LineString>');
    expect(kml).toContain('<Data name="kind"><value>works_with</value></Data>');
    expect(kml.match(/<Placemark>/g)).toHaveLength(1);
  });
});
