import type { Geometry, Position } from 'geojson';
import { declaredCrsName, detectCrs, samplePositions, toWgs84 } from '../crs';
import { parseJsonDocument } from './jsonDocument';
import { ImportFileError, type SourceRecord } from '../types';

/** How deep each geometry type nests its coordinates; 1 is one position. */
const coordinateDepth: Record<string, number> = {
  Point: 1,
  MultiPoint: 2,
  LineString: 2,
  MultiLineString: 3,
  Polygon: 3,
  MultiPolygon: 4,
};

/** How many features tell the coordinate system: enough to be sure, few enough to be quick. */
const crsSampleFeatures = 20;

/**
 * The features of a GeoJSON file (a FeatureCollection, one Feature or a bare
 * geometry) as records in WGS84. Used for assets and for areas, so the row
 * count is checked by the caller, against its own limit.
 */
export function readGeoJsonRecords(text: string): { columns: string[]; records: SourceRecord[] } {
  const document = parseJsonDocument(text);
  const features = featuresOf(document);
  const geometries = features.map((feature) => readGeometry(feature.geometry));
  const sample = geometries.slice(0, crsSampleFeatures).flatMap((geometry) => samplePositions(geometry));
  const crs = detectCrs(declaredCrsName(document), sample);
  const columns = new Set<string>();
  const records = features.map((feature, index): SourceRecord => {
    const properties = isObject(feature.properties) ? { ...feature.properties } : {};
    const id = feature.id;
    if ((typeof id === 'string' || typeof id === 'number') && !('id' in properties)) properties.id = id;
    for (const key of Object.keys(properties)) columns.add(key);
    const geometry = geometries[index];
    return { row: index + 1, properties, geometry: geometry ? flattenToTwoDimensions(toWgs84(geometry, crs)) : null };
  });
  return { columns: [...columns], records };
}

/**
 * The geometry without altitudes: KML and some GeoJSON carry a third
 * coordinate, and SQL's geometry columns are 2D.
 */
export function flattenToTwoDimensions<G extends Geometry>(geometry: G): G {
  const flat = (position: Position): Position => [position[0]!, position[1]!];
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: flat(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(flat) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((line) => line.map(flat)) } as G;
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((polygon) => polygon.map((ring) => ring.map(flat))) } as G;
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map(flattenToTwoDimensions) } as G;
  }
}

function featuresOf(document: unknown): Record<string, unknown>[] {
  if (isObject(document)) {
    if (document.type === 'FeatureCollection' && Array.isArray(document.features)) {
      return document.features.map((feature: unknown) => (isObject(feature) ? feature : {}));
    }
    if (document.type === 'Feature') return [document];
    if (typeof document.type === 'string' && (document.type in coordinateDepth || document.type === 'GeometryCollection')) {
      return [{ type: 'Feature', properties: {}, geometry: document }];
    }
  }
  throw new ImportFileError('import.file.not_geojson');
}

/**
 * The geometry if its coordinates nest as its type says, else null (the row
 * then reports a missing geometry). Numbers are not checked here: checkRow
 * reports coordinates that are not numbers.
 */
function readGeometry(value: unknown): Geometry | null {
  if (!isObject(value) || typeof value.type !== 'string') return null;
  if (value.type === 'GeometryCollection') {
    if (!Array.isArray(value.geometries)) return null;
    const parts = value.geometries.map(readGeometry);
    return parts.every((part): part is Geometry => part !== null) ? { type: 'GeometryCollection', geometries: parts } : null;
  }
  const depth = coordinateDepth[value.type];
  if (depth === undefined || !nestsTo(value.coordinates, depth)) return null;
  return { type: value.type, coordinates: value.coordinates } as Geometry;
}

function nestsTo(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 1) return value.length >= 2;
  return value.every((item) => nestsTo(item, depth - 1));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
