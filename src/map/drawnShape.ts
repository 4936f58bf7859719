import type { Geometry, LineString, Polygon } from 'geojson';

/** What a resident can draw on the map: a walking route (a line) or an area (a polygon). */
export type ShapeKind = 'route' | 'area';

export type DrawnGeometry = LineString | Polygon;

/** The fewest points a shape needs: a route has two ends, an area three corners. */
const minimumVertices: Record<ShapeKind, number> = { route: 2, area: 3 };

export function hasEnoughVertices(kind: ShapeKind, count: number): boolean {
  return count >= minimumVertices[kind];
}

/**
 * The points a resident has set in a shape that is still being drawn. terra-draw
 * keeps one more, "live" point at the end of a line (it follows the mouse), and
 * a polygon's ring holds that live point and the closing point too; the polygon
 * says how many of its points are set (committedCoordinateCount).
 */
export function drawingVertexCount(feature: { geometry: Geometry; properties: Record<string, unknown> }): number {
  const { geometry, properties } = feature;
  if (geometry.type === 'LineString') return Math.max(0, geometry.coordinates.length - 1);
  if (geometry.type === 'Polygon') {
    const committed = properties.committedCoordinateCount;
    return typeof committed === 'number' ? committed : 0;
  }
  return 0;
}

/** The points of a finished shape; a polygon's closing point (the first again) counts once. */
export function vertexCount(geometry: DrawnGeometry): number {
  if (geometry.type === 'LineString') return geometry.coordinates.length;
  return Math.max(0, (geometry.coordinates[0]?.length ?? 0) - 1);
}

/** A finished shape fits what was asked for: the right type, and enough points. */
export function isCompleteShape(kind: ShapeKind, geometry: Geometry): geometry is DrawnGeometry {
  const type = kind === 'route' ? 'LineString' : 'Polygon';
  return geometry.type === type && hasEnoughVertices(kind, vertexCount(geometry as DrawnGeometry));
}
