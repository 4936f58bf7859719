import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gapLayerIds, gapSourceId } from './gapLayers';
import { showWhileHolding } from './occasionalSources';

/** Three layers on two sources, recording what is shown or hidden. */
function fakeMap() {
  const sources: Record<string, string> = { [gapLayerIds.fill]: gapSourceId, 'gap-outline': gapSourceId, 'asset-points': 'asset-points' };
  const visibility = new Map<string, string>();
  const map = {
    getLayersOrder: () => Object.keys(sources),
    getLayer: (id: string) => ({ source: sources[id] }),
    setLayoutProperty: (id: string, _property: string, value: string) => visibility.set(id, value),
  };
  return { map: map as unknown as MapLibreMap, visibility };
}

const cells = (count: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: count }, () => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [4.5, 52.1] },
  })),
});

describe('an occasional source on the map', () => {
  it('hides its layers, and only its own, while it holds nothing, so the map asks no tiles of it', () => {
    const { map, visibility } = fakeMap();
    showWhileHolding(map, gapSourceId, cells(0));
    expect(Object.fromEntries(visibility)).toEqual({ [gapLayerIds.fill]: 'none', 'gap-outline': 'none' });
  });

  it('shows them again once it holds something', () => {
    const { map, visibility } = fakeMap();
    showWhileHolding(map, gapSourceId, cells(0));
    showWhileHolding(map, gapSourceId, cells(3));
    expect(Object.fromEntries(visibility)).toEqual({ [gapLayerIds.fill]: 'visible', 'gap-outline': 'visible' });
  });
});
