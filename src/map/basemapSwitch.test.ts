import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BasemapSwitch, type BasemapShown } from './basemapSwitch';
import { basemapLayerId } from './baseStyle';

/** Just what BasemapSwitch asks of a MapLibre map, recording the layers it shows or hides. */
function fakeMap() {
  const visibility = new Map<string, string>();
  const map = {
    on: () => map,
    setLayoutProperty: (layerId: string, _property: string, value: string) => visibility.set(layerId, value),
    getSource: () => undefined,
  };
  return { map: map as unknown as MapLibreMap, visibility };
}

describe('the basemap switch of a map started before the app (mapStart.ts)', () => {
  it.each([
    {
      what: 'acts on a PDOK failure the map heard before it listened: the basemap is hidden and the names shown, at once',
      heard: { pdokTileArrived: false, pdokTileFailed: true },
      expected: { shown: 'none', basemap: 'none' },
    },
    {
      what: 'keeps PDOK when one of its tiles had arrived before another failed',
      heard: { pdokTileArrived: true, pdokTileFailed: true },
      expected: { shown: 'pdok', basemap: 'visible' },
    },
  ])('$what', ({ heard, expected }) => {
    const { map, visibility } = fakeMap();
    const shown: BasemapShown[] = [];
    const basemaps = new BasemapSwitch(map, (what) => shown.push(what), heard);
    basemaps.start();
    expect(shown).toEqual([expected.shown]);
    expect(visibility.get(basemapLayerId)).toBe(expected.basemap);
    basemaps.stop();
  });
});
