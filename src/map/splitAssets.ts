import type { FeatureCollection, Point } from 'geojson';
import type { AssetCollection, AssetFeature } from '../backend/wireTypes';

/**
 * MapLibre clusters only points, so points and shapes (routes, areas) go to
 * separate sources: points clustered, shapes drawn as they are.
 */
export function splitAssets(collection: AssetCollection): {
  points: FeatureCollection<Point>;
  shapes: FeatureCollection;
} {
  const points: AssetFeature[] = [];
  const shapes: AssetFeature[] = [];
  for (const feature of collection.features) {
    (feature.geometry.type === 'Point' ? points : shapes).push(feature);
  }
  return {
    points: { type: 'FeatureCollection', features: points as FeatureCollection<Point>['features'] },
    shapes: { type: 'FeatureCollection', features: shapes },
  };
}
