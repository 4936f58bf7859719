// The baseline of `npm run bench:start` and `npm run bench:map`: MapLibre alone, with the app's own
// base style. With `?points=N` (bench:map) it also draws the N places of the benchmark grid from
// memory, in one clustered source with the app's own place layers, drawn as the app draws them
// where PDOK cannot be reached (no raster tiles, the places' names shown); `&zoom=Z` sets the zoom.
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { assetLayers, draftSourceId, layerIds, pointSourceId, shapeSourceId } from '../../src/map/assetLayers';
import { basemapLayerId, createBaseStyle } from '../../src/map/baseStyle';
import { gridCentre, gridPoint } from '../placeGrid';

// As WijkMap.ts: the bundler's own MapLibre worker, so sources (the places) load in a built page.
setWorkerUrl(maplibreWorkerUrl);

const search = new URLSearchParams(location.search);
const pointCount = Number(search.get('points') ?? 0);

const map = new MapLibreMap({
  container: 'map',
  style: createBaseStyle(),
  center: pointCount > 0 ? [gridCentre.lon, gridCentre.lat] : [4.505, 52.168],
  zoom: Number(search.get('zoom') ?? 14),
  attributionControl: false,
});

if (pointCount > 0) {
  const points: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: Array.from({ length: pointCount }, (_, i) => ({
      type: 'Feature',
      id: i,
      properties: { id: String(i), category: 'ontmoetingsplek', status: 'published', name: `Plek ${i}` },
      geometry: { type: 'Point', coordinates: gridPoint(i, pointCount) },
    })),
  };
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  map.once('style.load', () => {
    // As WijkMap.addAssetSourcesAndLayers.
    map.addSource(pointSourceId, { type: 'geojson', data: points, cluster: true, clusterMaxZoom: 15, clusterRadius: 45 });
    map.addSource(shapeSourceId, { type: 'geojson', data: empty });
    map.addSource(draftSourceId, { type: 'geojson', data: empty });
    for (const layer of assetLayers([])) map.addLayer(layer);
    // As the app draws the map without PDOK (basemapSwitch.ts): no raster tiles, the places' names shown.
    map.setLayoutProperty(basemapLayerId, 'visibility', 'none');
    map.setLayoutProperty(layerIds.labels, 'visibility', 'visible');
  });
  map.on('sourcedata', (event) => {
    if (event.sourceId === pointSourceId && event.isSourceLoaded) document.documentElement.dataset.places = String(pointCount);
  });
}
