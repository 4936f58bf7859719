import { addProtocol, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre v6 finds its worker beside its own module, which a bundler moves;
// let Vite bundle the worker (with its shared chunk) and say where it went.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import './mapStart.css';
import { createBaseStyle, storedBasemapProtocol } from './baseStyle';
import { announceMapPainted } from './mapPainted';
import { watchPdokTiles } from './pdokTiles';

/**
 * Where the MapLibre map is made. Its first frame need not wait for React,
 * i18next and the rest of the app (about as much JavaScript again as MapLibre
 * itself): main.tsx starts the map here before it loads the app, in an element
 * of its own over the whole page, and WijkMap takes it over once React has
 * made the map's place on the screen (or makes one here if there is none).
 * Only this file and WijkMap.ts use maplibre-gl at run time.
 */

setWorkerUrl(maplibreWorkerUrl);
// A stored basemap's tiles come from the file on this device; its reader is loaded with the first tile asked for.
addProtocol(storedBasemapProtocol, async (request, abortController) => {
  const { storedBasemapTile } = await import('./storedBasemapTiles');
  return storedBasemapTile(request, abortController);
});

// Leiden: the Merenwijk field lab is the first neighbourhood we work with.
const defaultCenter: [number, number] = [4.505, 52.168];
const defaultZoom = 14;

/** The map with the app's base style and its settings; the view comes from the URL when it holds one. */
export function createMapLibreMap(container: HTMLElement, view: { center?: [number, number]; zoom?: number } = {}): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: createBaseStyle(),
    center: view.center ?? defaultCenter,
    zoom: view.zoom ?? defaultZoom,
    // The view lives in the URL, so a reload (or a shared link) shows the same spot.
    hash: 'kaart',
    // WijkMap's own control, so imported sources (OSM, CBS) can be credited as they arrive.
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  return map;
}

/** What happened on a map before WijkMap listened: it acts on these as if it had heard them. */
export interface HeardBeforeTakeOver {
  styleLoaded: boolean;
  /** MapLibre's 'load': the first frame with the style's tiles as far as they came. */
  loaded: boolean;
  pdokTileArrived: boolean;
  pdokTileFailed: boolean;
}

interface StartedMap {
  map: MapLibreMap;
  element: HTMLElement;
  heard: HeardBeforeTakeOver;
  firstFrame: Promise<void>;
  stopListening(): void;
}

let started: StartedMap | null = null;

/** Makes the map at once, over the whole page, until WijkMap takes it (takeStartedMap). Without WebGL it leaves it to WijkMap. */
export function startMapBeforeApp(): void {
  const element = document.createElement('div');
  element.className = 'map-started-early';
  // Below the page's own content (mapStart.css), so whatever the app shows meanwhile lies above it.
  document.body.prepend(element);
  let map: MapLibreMap;
  try {
    map = createMapLibreMap(element);
  } catch (error) {
    element.remove();
    console.error(error);
    return;
  }
  const heard: HeardBeforeTakeOver = { styleLoaded: false, loaded: false, pdokTileArrived: false, pdokTileFailed: false };
  const onStyleLoad = () => (heard.styleLoaded = true);
  const onLoad = () => {
    heard.loaded = true;
    announceMapPainted();
  };
  map.once('style.load', onStyleLoad);
  map.once('load', onLoad);
  const stopWatchingPdok = watchPdokTiles(map, {
    arrived: () => (heard.pdokTileArrived = true),
    failed: () => (heard.pdokTileFailed = true),
  });
  const firstFrame = new Promise<void>((resolve) => map.once('render', () => resolve()));
  const stopListening = () => {
    map.off('style.load', onStyleLoad);
    map.off('load', onLoad);
    stopWatchingPdok();
  };
  started = { map, element, heard, firstFrame, stopListening };
}

/**
 * Resolves once the map started before the app has drawn its first frame (at once if there is none,
 * and after a second at most): the app's own start, a long task, then does not hold that frame up.
 */
export function startedMapFirstFrame(): Promise<void> {
  if (!started) return Promise.resolve();
  return Promise.race([started.firstFrame, new Promise<void>((resolve) => setTimeout(resolve, 1000))]);
}

/** The map started before the app, moved into `container`, with what it heard so far; null if there is none (or it was taken). */
export function takeStartedMap(container: HTMLElement): { map: MapLibreMap; heard: HeardBeforeTakeOver } | null {
  const taken = started;
  if (!taken) return null;
  started = null;
  taken.stopListening();
  taken.element.className = 'map-taken-over';
  container.appendChild(taken.element);
  // Its element now has the size of the app's map area, not the whole page's.
  taken.map.resize();
  return { map: taken.map, heard: { ...taken.heard } };
}
