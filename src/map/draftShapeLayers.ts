import type { LayerSpecification } from 'maplibre-gl';

/**
 * A route or area being added: drawn in the draft colour while it is drawn
 * (terra-draw's layers) and afterwards, while its form is filled in (these).
 */
export const draftShapeSourceId = 'draft-shape';

export const draftColor = '#d1495b';

export function draftShapeLayers(): LayerSpecification[] {
  return [
    {
      id: 'draft-shape-fill',
      type: 'fill',
      source: draftShapeSourceId,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': draftColor, 'fill-opacity': 0.2 },
    },
    {
      id: 'draft-shape-line',
      type: 'line',
      source: draftShapeSourceId,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': draftColor, 'line-width': 5, 'line-dasharray': [2, 1] },
    },
  ];
}
