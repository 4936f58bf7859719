import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { ImportFileError } from './types';

/**
 * Coordinate systems an import accepts: WGS84 longitude/latitude (GeoJSON's
 * own, as PDOK serves with f=json) and RD New, the Dutch national grid in
 * which CBS publishes its downloads. Anything else is refused by name.
 */
export type Crs = 'EPSG:4326' | 'EPSG:28992';

// EPSG:28992 with the 7-parameter datum shift to WGS84 (accurate to ~1 m; enough for neighbourhoods).
export const rdNewDefinition =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const rdToWgs84 = proj4(rdNewDefinition, 'WGS84');

const wgs84Names = /(EPSG:+4326|CRS:?84)$/i;
const rdNames = /EPSG:+28992$/i;

/** The file's coordinate system, from its `crs` member (old GeoJSON) or else from the coordinates themselves. */
export function detectCrs(declaredName: string | undefined, sample: Position[]): Crs {
  if (declaredName) {
    if (wgs84Names.test(declaredName)) return 'EPSG:4326';
    if (rdNames.test(declaredName)) return 'EPSG:28992';
    throw new ImportFileError('import.file.unknown_crs', { crs: declaredName });
  }
  const finite = sample.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.every(([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90)) return 'EPSG:4326';
  // RD New covers the Netherlands with x 0..300 km and y 289..629 km (all positive, by design).
  if (finite.every(([x, y]) => x! > -7000 && x! < 300_000 && y! > 289_000 && y! < 629_000)) return 'EPSG:28992';
  throw new ImportFileError('import.file.unknown_crs', { crs: '?' });
}

/** The name in an old-style GeoJSON `crs` member, e.g. "urn:ogc:def:crs:EPSG::28992". */
export function declaredCrsName(document: unknown): string | undefined {
  const crs = (document as { crs?: { properties?: { name?: unknown } } } | null)?.crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : undefined;
}

/** The geometry in WGS84 longitude/latitude, rounded to 7 decimals (~1 cm). */
export function toWgs84<G extends Geometry>(geometry: G, crs: Crs): G {
  if (crs === 'EPSG:4326') return geometry;
  const convert = (position: Position): Position => {
    const [lon, lat] = rdToWgs84.forward([position[0]!, position[1]!]);
    return [round7(lon!), round7(lat!)];
  };
  return mapPositions(geometry, convert);
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

function mapPositions<G extends Geometry>(geometry: G, convert: (position: Position) => Position): G {
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: convert(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(convert) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((line) => line.map(convert)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((part) => mapPositions(part, convert)) } as G;
  }
}

/**
 * A few positions from the start of a geometry, enough to tell the coordinate
 * system. Some readers sample a file's geometry before checking it, so this
 * goes no deeper than GeoJSON nests (a MultiPolygon's positions are four arrays
 * down; a hostile file's 10 000 would overflow the stack) and skips what is not there.
 */
export function samplePositions(geometry: Geometry | null, limit = 5): Position[] {
  const positions: Position[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (positions.length >= limit || depth > 4 || !Array.isArray(value)) return;
    if (typeof value[0] === 'number') positions.push(value as Position);
    else for (const item of value) visit(item, depth + 1);
  };
  const parts = geometry?.type === 'GeometryCollection' ? (Array.isArray(geometry.geometries) ? geometry.geometries : []) : [geometry];
  for (const part of parts) {
    // One level of collection is enough for a sample.
    if (part && part.type !== 'GeometryCollection') visit(part.coordinates, 1);
  }
  return positions;
}
