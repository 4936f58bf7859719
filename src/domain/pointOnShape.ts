import pointOnFeature from '@turf/point-on-feature';
import type { Geometry } from 'geojson';

/** A point that lies on the shape: inside a buurt even where it is not convex, on a route. */
export function pointOnShape(geometry: Geometry): [number, number] {
  const [lon, lat] = pointOnFeature(geometry).geometry.coordinates;
  return [lon!, lat!];
}
