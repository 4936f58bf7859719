import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Category } from '../backend/wireTypes';
import { labelFont } from './labelFonts';

export const pointSourceId = 'asset-points';
export const shapeSourceId = 'asset-shapes';
export const draftSourceId = 'draft-place';

export const layerIds = {
  clusters: 'asset-clusters',
  areas: 'asset-areas',
  areaOutlines: 'asset-area-outlines',
  routes: 'asset-routes',
  points: 'asset-points',
  selectedPoint: 'asset-selected-point',
  selectedShape: 'asset-selected-shape',
  draft: 'draft-place',
  /** Place names under their dots: shown only where no PDOK map is drawn (basemapSwitch.ts), hidden until then. */
  labels: 'asset-labels',
} as const;

/** Layers a click can select an asset on. */
export const clickableLayerIds = [layerIds.points, layerIds.routes, layerIds.areas];

const fallbackColor = '#555555';

/** `match` on the category id, so colours come from the categories table. */
export function categoryColorExpression(categories: Category[]): DataDrivenPropertyValueSpecification<string> {
  if (categories.length === 0) return fallbackColor;
  const pairs = categories.flatMap((category) => [category.id, category.color]);
  return ['match', ['get', 'category'], ...pairs, fallbackColor] as unknown as ExpressionSpecification;
}

const noneSelected = '00000000-0000-0000-0000-000000000000';

export function selectedFilter(id: string | null): ExpressionSpecification {
  return ['==', ['get', 'id'], id ?? noneSelected];
}

// What is not (or no longer) on the map for everyone (waiting for review, hidden, rejected) is
// drawn lighter, with a dark ring or a dashed line: a difference in shape, not only in colour.
const published: ExpressionSpecification = ['==', ['get', 'status'], 'published'];
const unpublishedDash = ['case', published, ['literal', [1, 0]], ['literal', [2, 1.5]]] as unknown as ExpressionSpecification;
// Not confirmed for a long time (src/domain/freshness.ts, set by the app): faded, it may be gone.
const stale: ExpressionSpecification = ['==', ['get', 'stale'], true];

export function assetLayers(categories: Category[]): LayerSpecification[] {
  const color = categoryColorExpression(categories);
  return [
    {
      id: layerIds.areas,
      type: 'fill',
      source: shapeSourceId,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': color, 'fill-opacity': ['case', stale, 0.1, published, 0.25, 0.1] },
    },
    {
      id: layerIds.areaOutlines,
      type: 'line',
      source: shapeSourceId,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'line-color': color, 'line-width': 2, 'line-dasharray': unpublishedDash },
    },
    {
      id: layerIds.routes,
      type: 'line',
      source: shapeSourceId,
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': color,
        'line-width': 5,
        'line-opacity': ['case', stale, 0.35, published, 1, 0.6],
        'line-dasharray': unpublishedDash,
      },
    },
    {
      id: layerIds.selectedShape,
      type: 'line',
      source: shapeSourceId,
      filter: selectedFilter(null),
      paint: { 'line-color': '#111111', 'line-width': 7, 'line-opacity': 0.6 },
    },
    {
      // Cluster size grows with the number of places it holds.
      id: layerIds.clusters,
      type: 'circle',
      source: pointSourceId,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#30638e',
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
        'circle-radius': ['step', ['get', 'point_count'], 16, 5, 22, 20, 30, 100, 38],
      },
    },
    {
      id: layerIds.points,
      type: 'circle',
      source: pointSourceId,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': color,
        'circle-opacity': ['case', stale, 0.35, published, 1, 0.45],
        'circle-stroke-opacity': ['case', stale, 0.5, 1],
        'circle-radius': 11,
        'circle-stroke-color': ['case', published, '#ffffff', '#1d2428'],
        'circle-stroke-width': 3,
      },
    },
    {
      id: layerIds.labels,
      type: 'symbol',
      source: pointSourceId,
      filter: ['!', ['has', 'point_count']],
      minzoom: 13,
      layout: {
        visibility: 'none',
        'text-field': ['get', 'name'],
        'text-font': [labelFont.regular],
        'text-size': 13,
        'text-anchor': 'top',
        'text-offset': [0, 1.2],
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: { 'text-color': '#1d2428', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: layerIds.selectedPoint,
      type: 'circle',
      source: pointSourceId,
      filter: selectedFilter(null),
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': 17,
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 4,
      },
    },
    {
      id: layerIds.draft,
      type: 'circle',
      source: draftSourceId,
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': 13,
        'circle-stroke-color': '#d1495b',
        'circle-stroke-width': 5,
      },
    },
  ];
}
