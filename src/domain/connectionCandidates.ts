import type { Geometry, Position } from 'geojson';

interface Candidate {
  id: string;
  geometry: Geometry;
}

/** A point of a shape to measure from: a place itself, a route's or area's first point (near enough to sort by). */
function anchor(geometry: Geometry): Position | null {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates[0] ?? null;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return geometry.coordinates[0]?.[0]?.[0] ?? null;
    default:
      return null;
  }
}

/** Squared distance in degrees, longitude shrunk by latitude: enough to put the nearest first. */
function nearness(a: Position, b: Position): number {
  const dx = (a[0]! - b[0]!) * Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180);
  const dy = a[1]! - b[1]!;
  return dx * dx + dy * dy;
}

/** The places to offer for a connection from `from`: not itself, the nearest first, at most `limit`. */
export function connectionCandidates<T extends Candidate>(from: Candidate, places: readonly T[], limit = 50): T[] {
  const here = anchor(from.geometry);
  if (!here) return [];
  return places
    .filter((place) => place.id !== from.id)
    .map((place) => ({ place, at: anchor(place.geometry) }))
    .filter((item): item is { place: T; at: Position } => item.at !== null)
    .sort((a, b) => nearness(here, a.at) - nearness(here, b.at))
    .slice(0, limit)
    .map((item) => item.place);
}
