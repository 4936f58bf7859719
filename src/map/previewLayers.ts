import type { LayerSpecification } from 'maplibre-gl';

/** What an import would add, drawn in one colour before anything is written. */
export const previewSourceId = 'import-preview';

const previewColor = '#1565c0';

export function previewLayers(): LayerSpecification[] {
  return [
    {
      id: 'import-preview-fill',
      type: 'fill',
      source: previewSourceId,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': previewColor, 'fill-opacity': 0.2 },
    },
    {
      id: 'import-preview-line',
      type: 'line',
      source: previewSourceId,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': previewColor, 'line-width': 2.5 },
    },
    {
      id: 'import-preview-point',
      type: 'circle',
      source: previewSourceId,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': previewColor, 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ];
}
