import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { draftShapeSourceId } from './draftShapeLayers';
import type { candidateSourceId, gapSourceId, gapSummarySourceIds } from './gapLayers';
import type { linkSourceId } from './linkLayers';
import type { keyFigureSourceId } from './keyFigureLayers';
import type { populationSourceId } from './populationLayers';
import type { previewSourceId } from './previewLayers';

/**
 * Sources that hold something only now and then: an import's preview, the planner's gaps (cells and blocks) and "what if" places,
 * a shape being drawn, the connections of the place whose details are open, the population per cell when asked.
 */
export type OccasionalSourceId =
  | typeof previewSourceId
  | typeof gapSourceId
  | (typeof gapSummarySourceIds)[500 | 1000]
  | typeof candidateSourceId
  | typeof draftShapeSourceId
  | typeof linkSourceId
  | typeof populationSourceId
  | typeof keyFigureSourceId;

/**
 * Shows an occasional source's layers while it holds something and hides them while it is empty.
 * MapLibre asks no tiles of a source whose layers are all hidden: an empty source's tiles would
 * otherwise be asked and kept up to date at every pan, as many times over as there are such
 * sources (measured with `npm run bench:map`).
 */
export function showWhileHolding(
  map: Pick<MapLibreMap, 'getLayersOrder' | 'getLayer' | 'setLayoutProperty'>,
  sourceId: OccasionalSourceId,
  collection: FeatureCollection,
): void {
  const visibility = collection.features.length > 0 ? 'visible' : 'none';
  for (const layerId of map.getLayersOrder()) {
    if (map.getLayer(layerId)?.source === sourceId) map.setLayoutProperty(layerId, 'visibility', visibility);
  }
}
