import { describe, expect, it } from 'vitest';
import { attributionText, schemaOf } from './storedBasemap';

describe('a stored basemap file', () => {
  it('is drawn with the Protomaps style when it has their earth layer, else with the plain OSM one when it has roads', () => {
    expect(schemaOf(['boundaries', 'buildings', 'earth', 'landcover', 'landuse', 'places', 'pois', 'roads', 'transit', 'water'])).toBe(
      'protomaps',
    );
    expect(schemaOf(['water', 'landuse', 'buildings', 'roads', 'rail', 'pois'])).toBe('osm-layers');
    expect(schemaOf(['parcels'])).toBeNull();
  });

  it('credits what its metadata says, as text: the links of a Protomaps build become plain words', () => {
    expect(attributionText('© OpenStreetMap contributors (ODbL)')).toBe('© OpenStreetMap contributors (ODbL)');
    expect(
      attributionText(
        '<a href="https://github.com/protomaps/basemaps">Protomaps</a> &copy; <a href="https://openstreetmap.org">OpenStreetMap</a>',
      ),
    ).toBe('Protomaps © OpenStreetMap');
    expect(attributionText(undefined)).toBe('© OpenStreetMap contributors (ODbL)');
    expect(attributionText('<img src=x onerror=alert(1)>')).toBe('© OpenStreetMap contributors (ODbL)');
  });
});
