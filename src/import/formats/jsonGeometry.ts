import type { Geometry } from 'geojson';
import { isObject } from './jsonDocument';

/** How deep each geometry type nests its coordinates; 1 is one position. A Map, so "constructor" is no type. */
const coordinateDepth = new Map<string, number>([
  ['Point', 1],
  ['MultiPoint', 2],
  ['LineString', 2],
  ['MultiLineString', 3],
  ['Polygon', 3],
  ['MultiPolygon', 4],
]);

/** RFC 7946 allows collections in collections but advises against them; three levels is plenty. */
const maxCollectionDepth = 3;

/**
 * A geometry from a JSON file, checked before any code walks it: null when
 * the feature has none, 'broken' when its coordinates are not numbers or do not
 * nest as its type says, else the geometry. Files are untrusted: `"coordinates":
 * null` or an array nested 10 000 deep would otherwise crash (or overflow the
 * stack of) the recursive walks after this one, in our code, turf and proj4.
 * This check itself goes no deeper than a MultiPolygon does.
 */
export function readJsonGeometry(value: unknown): Geometry | null | 'broken' {
  if (value === null || value === undefined) return null;
  return wellFormed(value, 0) ? (value as Geometry) : 'broken';
}

/** Whether a JSON object's `type` names a geometry (a file may be one bare geometry). */
export function isGeometryType(type: unknown): boolean {
  return typeof type === 'string' && (coordinateDepth.has(type) || type === 'GeometryCollection');
}

function wellFormed(value: unknown, collectionDepth: number): boolean {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  if (value.type === 'GeometryCollection') {
    return (
      collectionDepth < maxCollectionDepth &&
      Array.isArray(value.geometries) &&
      value.geometries.every((part) => wellFormed(part, collectionDepth + 1))
    );
  }
  const depth = coordinateDepth.get(value.type);
  return depth !== undefined && nestsTo(value.coordinates, depth);
}

function nestsTo(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 1) return value.length >= 2 && value.every((number) => typeof number === 'number' && Number.isFinite(number));
  return value.every((item) => nestsTo(item, depth - 1));
}
