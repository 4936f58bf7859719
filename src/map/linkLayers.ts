import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString } from 'geojson';
import type { AssetLink } from '../backend/wireTypes';

/** The connections of the place whose details are open: a line from it to each place it is connected to. */
export const linkSourceId = 'links';

const linkColor = '#1d2428';

export function linkLayers(): LayerSpecification[] {
  return [
    {
      id: 'links-line',
      type: 'line',
      source: linkSourceId,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': linkColor, 'line-width': 3, 'line-opacity': 0.75, 'line-dasharray': [1, 1.5] },
    },
  ];
}

/** The lines of a place's connections, each with its kind (for a test or a later legend). */
export function linkLines(links: readonly AssetLink[]): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: links.map((link) => ({ type: 'Feature', id: link.id, properties: { kind: link.kind }, geometry: link.line })),
  };
}
