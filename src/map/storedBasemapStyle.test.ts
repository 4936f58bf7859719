import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { BasemapSchema, StoredBasemap } from '../basemap/storedBasemap';
import { areaLayers } from './areaLayers';
import { assetLayers } from './assetLayers';
import { storedLayerPrefix } from './baseStyle';
import { labelFontFaces } from './labelFonts';
import { storedBasemapStyle } from './storedBasemapStyle';

function basemap(schema: BasemapSchema): StoredBasemap {
  return {
    key: `stored-${schema}`,
    file: new Blob([]),
    fileName: 'regio.pmtiles',
    storedAt: '2026-12-01T10:00:00.000Z',
    schema,
    attribution: '© OpenStreetMap contributors (ODbL)',
    minZoom: 0,
    maxZoom: 15,
    bounds: [4.4, 52.1, 4.6, 52.2],
  };
}

function textFonts(layers: LayerSpecification[]): string[] {
  return layers.flatMap((layer) =>
    layer.type === 'symbol' ? (JSON.stringify(layer.layout?.['text-font'] ?? []).match(/Noto Sans \w+/g) ?? []) : [],
  );
}

describe('the styles shipped for a stored basemap', () => {
  it('draws the plain OSM schema: roads by highway, with their names along them, and the names of places', () => {
    const { source, layers } = storedBasemapStyle(basemap('osm-layers'));
    expect(source.tiles).toEqual(['pmtiles://stored-osm-layers/{z}/{x}/{y}']);
    const roads = layers.find((layer) => layer.id === `${storedLayerPrefix}roads`);
    expect(roads).toMatchObject({ type: 'line', 'source-layer': 'roads' });
    expect(JSON.stringify(roads)).toContain('highway');
    const labelled = layers.filter((layer) => layer.type === 'symbol').map((layer) => 'source-layer' in layer && layer['source-layer']);
    expect(labelled).toEqual(expect.arrayContaining(['roads', 'pois']));
  });

  it('draws a Protomaps extract with their light layers, Dutch names first, and without the sprite icons the app does not ship', () => {
    const { layers } = storedBasemapStyle(basemap('protomaps'));
    expect(layers.length).toBeGreaterThan(50);
    expect(layers.every((layer) => layer.id.startsWith(storedLayerPrefix))).toBe(true);
    expect(JSON.stringify(layers)).toContain('name:nl');
    expect(JSON.stringify(layers)).not.toContain('icon-image');
  });

  it('credits the file through the escaping every credit goes through', () => {
    expect(storedBasemapStyle(basemap('osm-layers')).source.attribution).toContain('<a href="https://www.openstreetmap.org/copyright"');
  });

  it('names only fonts the app ships, in every label layer of its own and of both basemap styles', () => {
    const shipped = Object.keys(labelFontFaces());
    const used = [
      ...textFonts(storedBasemapStyle(basemap('protomaps')).layers),
      ...textFonts(storedBasemapStyle(basemap('osm-layers')).layers),
      ...textFonts(areaLayers()),
      ...textFonts(assetLayers([])),
    ];
    expect(used.length).toBeGreaterThan(10);
    expect(shipped).toEqual(expect.arrayContaining([...new Set(used)]));
  });
});
