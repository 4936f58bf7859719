import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { GapCellCollection } from '../backend/wireTypes';
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
/** Blocks of 500 m and 1 km summarising the gaps when the map is zoomed out. */
export const gapSummarySourceIds = { 500: 'gap-summary-500', 1000: 'gap-summary-1000' } as const;

export const gapLayerIds = {
  fill: 'gap-fill',
  outline: 'gap-outline',
  estimatedOutline: 'gap-estimated-outline',
  candidates: 'what-if-candidate',
} as const;
export const gapSummaryLayerIds = {
  500: { fill: 'gap-summary-500-fill', outline: 'gap-summary-500-outline' },
  1000: { fill: 'gap-summary-1000-fill', outline: 'gap-summary-1000-outline' },
} as const;

/**
 * What the gap layers show. The planner gives every cell of its question once,
 * with its distance, and the distance chosen: the map filters the cells at each
 * slider step instead of loading new ones, and below zoom 12.5 shows the blocks
 * instead (a city's 100 m cells are then a few pixels each). The workshop gives
 * only gap cells (distance null), drawn at every zoom.
 */
export interface GapLayer {
  cells: GapCellCollection;
  distance: number | null;
  summaries: Record<500 | 1000, FeatureCollection> | null;
}

/** Zoom levels: 1 km blocks below 11, 500 m blocks from 11 to 12.5, cells from 12.5. */
export const summaryZooms = { 1000: [0, 11], 500: [11, 12.5], cells: 12.5 } as const;

/** The cells beyond the distance (null: nothing counted within 2 000 m); with no distance, all of them. */
function gapDistanceFilter(distance: number | null): ExpressionSpecification | null {
  if (distance === null) return null;
  return ['any', ['==', ['get', 'distance_m'], null], ['>', ['get', 'distance_m'], distance]];
}

const estimatedFilter: ExpressionSpecification = ['get', 'estimated'];
const measuredFilter: ExpressionSpecification = ['!', ['get', 'estimated']];

/** The filters of the fill, outline and estimated-outline layers at a distance. */
export function gapCellFilters(distance: number | null): Record<'fill' | 'outline' | 'estimatedOutline', FilterSpecification | null> {
  const beyond = gapDistanceFilter(distance);
  return {
    fill: beyond,
    outline: beyond ? (['all', beyond, measuredFilter] as ExpressionSpecification) : measuredFilter,
    estimatedOutline: beyond ? (['all', beyond, estimatedFilter] as ExpressionSpecification) : estimatedFilter,
  };
}

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

/** People per cell → the colour of their class; unknown (secret) counts are grey. The population layer shares it. */
export function peopleColor(group: TargetGroup, colors: readonly string[]): ExpressionSpecification {
  const count: ExpressionSpecification = ['get', group === 'all' ? 'residents' : 'residents_65plus'];
  const steps = gapBreaks[group].slice(1).flatMap((limit, index) => [limit, colors[index + 1]!]);
  return ['case', ['==', count, null], secretCellColor, ['step', count, colors[0]!, ...steps] as ExpressionSpecification];
}

/** Uncovered people per cell → colour. */
export const gapFillColor = (group: TargetGroup) => peopleColor(group, gapColors);

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
      filter: measuredFilter,
      paint: { 'line-color': '#7a2a2a', 'line-width': 0.5, 'line-opacity': 0.6 },
    },
    {
      id: gapLayerIds.estimatedOutline,
      type: 'line',
      source: gapSourceId,
      filter: estimatedFilter,
      paint: { 'line-color': '#5a3a3a', 'line-width': 0.8, 'line-dasharray': [2, 2], 'line-opacity': 0.7 },
    },
  ];
}

/** The blocks, each shown only in its zoom range; coloured by uncovered people per populated 100 m cell, as the cells. */
export function gapSummaryLayers(group: TargetGroup): LayerSpecification[] {
  return ([1000, 500] as const).flatMap((size): LayerSpecification[] => [
    {
      id: gapSummaryLayerIds[size].fill,
      type: 'fill',
      source: gapSummarySourceIds[size],
      minzoom: summaryZooms[size][0],
      maxzoom: summaryZooms[size][1],
      paint: { 'fill-color': gapFillColor(group), 'fill-opacity': ['case', ['get', 'estimated'], 0.5, 0.7] },
    },
    {
      id: gapSummaryLayerIds[size].outline,
      type: 'line',
      source: gapSummarySourceIds[size],
      minzoom: summaryZooms[size][0],
      maxzoom: summaryZooms[size][1],
      paint: { 'line-color': '#7a2a2a', 'line-width': 0.6, 'line-opacity': 0.5 },
    },
  ]);
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
