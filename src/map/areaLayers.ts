import type { LayerSpecification } from 'maplibre-gl';

/** Buurten, wijken and gemeenten as quiet outlines under the assets: context, also without a basemap. */
export const areaSourceId = 'areas';

const areaLayerIds = { fill: 'area-fill', outline: 'area-outline' } as const;

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
  ];
}
