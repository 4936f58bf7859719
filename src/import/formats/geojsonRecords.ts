import type { Geometry, Position } from 'geojson';
import { declaredCrsName, detectCrs, samplePositions, toWgs84 } from '../crs';
import { isObject, parseJsonDocument } from './jsonDocument';
import { isGeometryType, readJsonGeometry } from './jsonGeometry';
import { ImportFileError, type SourceRecord } from '../types';

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
  const geometries = features.map((feature) => readJsonGeometry(feature.geometry));
  const usable = geometries.map((geometry) => (geometry === 'broken' ? null : geometry));
  const sample = usable.slice(0, crsSampleFeatures).flatMap((geometry) => samplePositions(geometry));
  const crs = detectCrs(declaredCrsName(document), sample);
  const columns = new Set<string>();
  const records = features.map((feature, index): SourceRecord => {
    const properties = isObject(feature.properties) ? { ...feature.properties } : {};
    const id = feature.id;
    if ((typeof id === 'string' || typeof id === 'number') && !('id' in properties)) properties.id = id;
    for (const key of Object.keys(properties)) columns.add(key);
    const geometry = usable[index];
    return {
      row: index + 1,
      properties,
      geometry: geometry ? flattenToTwoDimensions(toWgs84(geometry, crs)) : null,
      ...(geometries[index] === 'broken' ? { brokenGeometry: true } : {}),
    };
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
    if (isGeometryType(document.type)) {
      return [{ type: 'Feature', properties: {}, geometry: document }];
    }
  }
  throw new ImportFileError('import.file.not_geojson');
}
