import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { TargetGroup } from '../domain/types';

/**
 * The planner's layers: 100 m cells where people live beyond the chosen
 * distance, shaded by how many (all residents or 65+), and the candidate
 * places of "what if". Estimated cells (spread from area counts) get a dashed
 * outline and a lighter fill, so nobody mistakes them for counts; cells whose
 * count CBS keeps secret are grey.
 */
export const gapSourceId = 'gap-cells';
export const candidateSourceId = 'what-if-candidates';

export const gapLayerIds = {
  fill: 'gap-fill',
  outline: 'gap-outline',
  estimatedOutline: 'gap-estimated-outline',
  candidates: 'what-if-candidate',
} as const;

export const gapColors = ['#fde0c5', '#facba6', '#f59e72', '#e8684a', '#c43e3e', '#8c1d2f'] as const;
export const secretCellColor = '#b0b0b0';

/**
 * Lower bounds of the colour classes, in people per 100 m cell. In Dutch towns
 * a cell holds 0 to a few hundred residents; 65+ about a sixth of that.
 */
export const gapBreaks: Record<TargetGroup, readonly number[]> = {
  all: [0, 5, 20, 50, 100, 200],
  '65plus': [0, 2, 5, 10, 20, 40],
};

/** Uncovered people per cell → colour; unknown (secret) counts are grey. */
export function gapFillColor(group: TargetGroup): ExpressionSpecification {
  const count: ExpressionSpecification = ['get', group === 'all' ? 'residents' : 'residents_65plus'];
  const steps = gapBreaks[group].slice(1).flatMap((limit, index) => [limit, gapColors[index + 1]!]);
  return ['case', ['==', count, null], secretCellColor, ['step', count, gapColors[0], ...steps] as ExpressionSpecification];
}

/** The cells, under the area outlines and the assets, so places stay visible and tappable. */
export function gapCellLayers(group: TargetGroup): LayerSpecification[] {
  return [
    {
      id: gapLayerIds.fill,
      type: 'fill',
      source: gapSourceId,
      paint: {
        'fill-color': gapFillColor(group),
        'fill-opacity': ['case', ['get', 'estimated'], 0.45, 0.7],
      },
    },
    {
      id: gapLayerIds.outline,
      type: 'line',
      source: gapSourceId,
      filter: ['!', ['get', 'estimated']],
      paint: { 'line-color': '#7a2a2a', 'line-width': 0.5, 'line-opacity': 0.6 },
    },
    {
      id: gapLayerIds.estimatedOutline,
      type: 'line',
      source: gapSourceId,
      filter: ['get', 'estimated'],
      paint: { 'line-color': '#5a3a3a', 'line-width': 0.8, 'line-dasharray': [2, 2], 'line-opacity': 0.7 },
    },
  ];
}

/** Trial places, above everything. */
export function candidateLayers(): LayerSpecification[] {
  return [
    {
      id: gapLayerIds.candidates,
      type: 'circle',
      source: candidateSourceId,
      // A ring, not a dot: a trial place must not look like a saved one.
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': 12,
        'circle-stroke-color': '#1b7a43',
        'circle-stroke-width': 6,
      },
    },
  ];
}
