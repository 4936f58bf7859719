import type { LayerSpecification } from 'maplibre-gl';
import { labelFont } from './labelFonts';

/** Buurten, wijken and gemeenten as quiet outlines under the assets: context, also without a basemap. */
export const areaSourceId = 'areas';

const areaLayerIds = { fill: 'area-fill', outline: 'area-outline' } as const;

/** Buurt and wijk names: shown only where no PDOK map names the streets (basemapSwitch.ts), hidden until then. */
export const areaLabelLayerId = 'area-labels';

export function areaLayers(): LayerSpecification[] {
  return [
    {
      id: areaLayerIds.fill,
      type: 'fill',
      source: areaSourceId,
      // Nearly transparent: enough to see which buurt a spot is in, not enough to hide the basemap.
      paint: { 'fill-color': '#3a4a5c', 'fill-opacity': 0.04 },
    },
    {
      id: areaLayerIds.outline,
      type: 'line',
      source: areaSourceId,
      paint: {
        'line-color': '#3a4a5c',
        'line-opacity': 0.7,
        // Gemeente and wijk lines heavier than buurt lines.
        'line-width': ['match', ['get', 'level'], 'gemeente', 3, 'wijk', 2, 1],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: areaLabelLayerId,
      type: 'symbol',
      source: areaSourceId,
      layout: {
        visibility: 'none',
        'text-field': ['get', 'name'],
        'text-font': [labelFont.medium],
        'text-size': ['match', ['get', 'level'], 'gemeente', 16, 'wijk', 15, 13],
        'text-max-width': 8,
        // Where two names collide, the wijk's wins over its buurten's.
        'symbol-sort-key': ['match', ['get', 'level'], 'gemeente', 0, 'wijk', 1, 2],
        'text-padding': 6,
      },
      paint: { 'text-color': '#2b3a4a', 'text-halo-color': 'rgba(255, 255, 255, 0.9)', 'text-halo-width': 1.5 },
    },
  ];
}
