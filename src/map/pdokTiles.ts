import type { ErrorEvent, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { basemapSourceId } from './baseStyle';

/**
 * Tells of each PDOK tile that arrived or failed on `map`. Its error listener silences MapLibre's own
 * report, so other errors (a layer it refused) are still told. Returns a function that stops listening.
 * Used by the map started before the app (mapStart.ts) and, after the take-over, by BasemapSwitch.
 */
export function watchPdokTiles(map: MapLibreMap, on: { arrived(): void; failed(): void }): () => void {
  const onSourceData = (event: MapSourceDataEvent) => {
    if (event.sourceId === basemapSourceId && event.tile) on.arrived();
  };
  const onError = (event: ErrorEvent) => {
    if ((event as { sourceId?: string }).sourceId === basemapSourceId) on.failed();
    else console.error(event.error);
  };
  map.on('sourcedata', onSourceData);
  map.on('error', onError);
  return () => {
    map.off('sourcedata', onSourceData);
    map.off('error', onError);
  };
}
