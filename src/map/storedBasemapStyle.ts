import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { ExpressionSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { StoredBasemap } from '../basemap/storedBasemap';
import { attributionHtml } from './attributionHtml';
import { labelFont } from './labelFonts';
import { storedBasemapProtocol, storedLayerPrefix, storedSourceId } from './baseStyle';
import { registerStoredArchive } from './storedBasemapTiles';

/**
 * The style shipped with the app for a basemap file kept on this device. Two
 * schemas: a Protomaps extract (Protomaps' own light layers, Dutch names where
 * OpenStreetMap has them), and a plain OpenStreetMap export with layers water,
 * landuse, buildings, roads (`highway`, `name`), rail and pois (`name`), the
 * shape of the Amsterdam test file in ../shared/data/basemap.
 */
export function storedBasemapStyle(basemap: StoredBasemap): { source: VectorSourceSpecification; layers: LayerSpecification[] } {
  registerStoredArchive(basemap);
  const source: VectorSourceSpecification = {
    type: 'vector',
    tiles: [`${storedBasemapProtocol}://${basemap.key}/{z}/{x}/{y}`],
    minzoom: basemap.minZoom,
    maxzoom: basemap.maxZoom,
    bounds: basemap.bounds,
    attribution: attributionHtml(basemap.attribution),
  };
  const layers = basemap.schema === 'protomaps' ? protomapsStyle() : osmLayersStyle();
  return { source, layers: layers.map((layer) => ({ ...layer, id: storedLayerPrefix + layer.id })) };
}

// Protomaps' POI and town layers name sprite icons; the app ships no sprite, so they keep their text only.
const iconProperties = ['icon-image', 'icon-size', 'icon-padding'];

function protomapsStyle(): LayerSpecification[] {
  const flavor = { ...namedFlavor('light'), regular: labelFont.regular, bold: labelFont.medium, italic: labelFont.italic };
  // Protomaps types its layers with its own copy of the style spec: the same shapes.
  return (protomapsLayers(storedSourceId, flavor, { lang: 'nl' }) as unknown as LayerSpecification[]).map((layer) => {
    if (!('layout' in layer) || !layer.layout) return layer;
    const layout = Object.fromEntries(Object.entries(layer.layout).filter(([name]) => !iconProperties.includes(name)));
    return { ...layer, layout } as LayerSpecification;
  });
}

const paths = ['footway', 'path', 'pedestrian', 'steps', 'cycleway', 'bridleway', 'track', 'corridor'];
const major = ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link'];
const isPath: ExpressionSpecification = ['in', ['get', 'highway'], ['literal', paths]];
const isMajor: ExpressionSpecification = ['in', ['get', 'highway'], ['literal', major]];
const isStreet: ExpressionSpecification = ['!', isPath];

/**
 * Wider when zoomed in: a hairline at 12, `major` / `other` pixels at 16, four times that at 19.
 * MapLibre takes `zoom` only at the top of an interpolation, so the road class is decided at each stop.
 */
function roadWidth(major: number, other: number): ExpressionSpecification {
  const at = (factor: number): ExpressionSpecification => ['case', isMajor, major * factor, other * factor];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 12, at(1 / 6), 16, at(1), 19, at(4)];
}

const green = ['park', 'garden', 'grass', 'recreation_ground', 'cemetery', 'forest', 'meadow', 'village_green', 'playground', 'allotments'];

function osmLayersStyle(): LayerSpecification[] {
  const source = storedSourceId;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } },
    {
      id: 'landuse-green',
      type: 'fill',
      source,
      'source-layer': 'landuse',
      filter: ['any', ['in', ['get', 'landuse'], ['literal', green]], ['in', ['get', 'leisure'], ['literal', green]]],
      paint: { 'fill-color': '#d3e6c3' },
    },
    {
      id: 'water',
      type: 'fill',
      source,
      'source-layer': 'water',
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': '#a9cfe0' },
    },
    {
      id: 'waterways',
      type: 'line',
      source,
      'source-layer': 'water',
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
      paint: { 'line-color': '#a9cfe0', 'line-width': roadWidth(4, 4) },
    },
    {
      id: 'buildings',
      type: 'fill',
      source,
      'source-layer': 'buildings',
      minzoom: 14,
      paint: { 'fill-color': '#e2dbd1', 'fill-outline-color': '#cfc5b8' },
    },
    {
      id: 'paths',
      type: 'line',
      source,
      'source-layer': 'roads',
      minzoom: 14,
      filter: isPath,
      paint: { 'line-color': '#b0a392', 'line-width': 1.2, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'road-casings',
      type: 'line',
      source,
      'source-layer': 'roads',
      filter: isStreet,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#c9bfb1', 'line-width': roadWidth(11, 8) },
    },
    {
      id: 'roads',
      type: 'line',
      source,
      'source-layer': 'roads',
      filter: isStreet,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['case', isMajor, '#fbe7a7', '#ffffff'], 'line-width': roadWidth(9, 6) },
    },
    {
      id: 'rail',
      type: 'line',
      source,
      'source-layer': 'rail',
      paint: { 'line-color': '#8c8c8c', 'line-width': 1.5 },
    },
    {
      id: 'pois',
      type: 'circle',
      source,
      'source-layer': 'pois',
      minzoom: 15,
      paint: { 'circle-radius': 3.5, 'circle-color': '#b0713f', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    },
    {
      id: 'water-labels',
      type: 'symbol',
      source,
      'source-layer': 'water',
      minzoom: 15,
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': [labelFont.italic],
        'text-size': 12,
      },
      paint: { 'text-color': '#2d6a8a', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    },
    {
      id: 'road-labels',
      type: 'symbol',
      source,
      'source-layer': 'roads',
      minzoom: 14,
      filter: ['all', ['has', 'name'], isStreet],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': [labelFont.regular],
        'text-size': ['interpolate', ['linear'], ['zoom'], 14, 12, 17, 15],
      },
      paint: { 'text-color': '#262626', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: 'poi-labels',
      type: 'symbol',
      source,
      'source-layer': 'pois',
      minzoom: 16,
      filter: ['has', 'name'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [labelFont.medium],
        'text-size': 11,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 8,
        'text-optional': true,
      },
      paint: { 'text-color': '#7a4a26', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ];
}
