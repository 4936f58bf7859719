import type { Position } from 'geojson';
import type { WalkLineRow } from '../../backend/wireTypes';
import { requireRowCount } from '../buildPlan';
import { ImportFileError, type RowIssue, type WalkNetworkPlan } from '../types';
import { featuresOfCollection, isObject, parseJsonDocument } from './jsonDocument';

/**
 * A footway network from OpenStreetMap, for walking distances (SQL:
 * supabase/schemas/15_walking.sql). Two inputs:
 * - Overpass JSON (`out body; >; out skel;` or `out geom;`): ways keep their
 *   node ids, so a way is split at every node another way also uses;
 * - GeoJSON lines (osmium, ogr2ogr, overpass turbo): no node ids, so a line is
 *   split where one of its vertices coincides with a vertex of another line
 *   (OSM ways that meet share a node, and an export writes its coordinates alike).
 * Each piece between two such places becomes one row; SQL makes a node of each
 * end. Bridges and tunnels that cross without a shared node stay apart.
 */

const osmAttribution = '© OpenStreetMap-bijdragers (ODbL)';

/** Ways someone may walk along; motorways and trunk roads are not. */
const walkableHighways = new Set([
  'footway',
  'path',
  'pedestrian',
  'living_street',
  'residential',
  'service',
  'steps',
  'cycleway',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'track',
  'corridor',
  'bridleway',
  'road',
]);

/** At most this many pieces; a large city goes in parts. */
const maxPieces = 200_000;

export function looksLikeWalkNetwork(text: string): boolean {
  const head = text.slice(0, 4096);
  if (!/"highway"\s*:\s*"/.test(head)) return false;
  // Places carry these tags; a network is ways only.
  if (/"(?:amenity|leisure|healthcare|club)"\s*:/.test(head)) return false;
  return /"LineString"|"MultiLineString"/.test(head) || (/"elements"\s*:\s*\[/.test(head) && /"type"\s*:\s*"way"/.test(head));
}

/** Whether OpenStreetMap's tags allow walking along a way. */
export function isWalkable(tags: Record<string, unknown>): boolean {
  const highway = typeof tags.highway === 'string' ? tags.highway : '';
  if (!walkableHighways.has(highway)) return false;
  if (tags.foot === 'no' || tags.foot === 'private') return false;
  const closed = tags.access === 'no' || tags.access === 'private';
  return !closed || tags.foot === 'yes' || tags.foot === 'designated' || tags.foot === 'permissive';
}

interface SourceLine {
  row: number;
  label?: string;
  /** A key per vertex that is equal where two lines share a point: an OSM node id, or the rounded position. */
  keys: string[];
  positions: Array<[number, number]>;
}

export function walkNetworkPlan(text: string, source = 'osm-walk-network'): WalkNetworkPlan {
  const document = parseJsonDocument(text);
  const { lines, issues, totalRows } =
    isObject(document) && Array.isArray(document.elements) ? readOverpass(document.elements) : readGeoJsonLines(document);
  requireRowCount(totalRows, maxPieces);
  const rows = splitWhereLinesMeet(lines);
  if (rows.length === 0) throw new ImportFileError('import.file.no_walk_lines');
  if (rows.length > maxPieces) throw new ImportFileError('import.file.too_many_rows', { count: rows.length, limit: maxPieces });
  return { target: 'walk-network', source, attribution: osmAttribution, totalRows, rows, questionedRows: [], issues };
}

/**
 * Pieces between the places where lines meet or end: a vertex used by more
 * than one line (or twice by one) ends a piece and starts the next. A piece
 * keeps its way's row number and name, so the preview and a refusal speak of
 * the file's own rows.
 */
function splitWhereLinesMeet(lines: SourceLine[]): WalkLineRow[] {
  const uses = new Map<string, number>();
  for (const line of lines) for (const key of line.keys) uses.set(key, (uses.get(key) ?? 0) + 1);
  const rows: WalkLineRow[] = [];
  for (const line of lines) {
    let piece: Array<[number, number]> = [line.positions[0]!];
    // A closed way (a square, a path round a pond) is split in two as well: in one piece it would be a loop, which no walk uses.
    const closed = line.keys.length > 3 && line.keys[0] === line.keys[line.keys.length - 1];
    const middle = Math.floor(line.keys.length / 2);
    line.keys.forEach((key, index) => {
      if (index === 0) return;
      piece.push(line.positions[index]!);
      const last = index === line.keys.length - 1;
      if (last || (uses.get(key) ?? 0) > 1 || (closed && index === middle)) {
        if (piece.length >= 2) rows.push({ row: line.row, ...(line.label ? { name: line.label } : {}), line: piece });
        piece = [line.positions[index]!];
      }
    });
  }
  return rows;
}

function positionKey([lon, lat]: [number, number]): string {
  return `${lon.toFixed(7)},${lat.toFixed(7)}`;
}

function lonLat(position: Position | unknown): [number, number] | null {
  if (!Array.isArray(position) || typeof position[0] !== 'number' || typeof position[1] !== 'number') return null;
  const [lon, lat] = position as [number, number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return [lon, lat];
}

function readGeoJsonLines(document: unknown) {
  const features = featuresOfCollection(document);
  const lines: SourceLine[] = [];
  const issues: RowIssue[] = [];
  features.forEach((feature, index) => {
    const row = index + 1;
    const properties = (feature?.properties ?? {}) as Record<string, unknown>;
    const label =
      typeof properties.name === 'string' ? properties.name : typeof properties.osm_id === 'string' ? properties.osm_id : undefined;
    const geometry = feature?.geometry;
    const parts =
      geometry?.type === 'LineString' ? [geometry.coordinates] : geometry?.type === 'MultiLineString' ? geometry.coordinates : null;
    if (!parts) {
      issues.push({ row, severity: 'skip', key: 'import.row.not_a_line', label });
      return;
    }
    // A file of lines without OSM tags (a municipality's own footpaths) counts as walkable.
    if ('highway' in properties && !isWalkable(properties)) {
      issues.push({ row, severity: 'skip', key: 'import.row.not_walkable', label });
      return;
    }
    const partPositions = parts.map((part) => part.map(lonLat));
    if (partPositions.some((positions) => positions.length < 2 || positions.some((position) => position === null))) {
      issues.push({ row, severity: 'error', key: 'import.row.invalid_geometry', label });
      return;
    }
    for (const positions of partPositions as Array<Array<[number, number]>>) {
      lines.push({ row, label, positions, keys: positions.map(positionKey) });
    }
  });
  return { lines, issues, totalRows: features.length };
}

function readOverpass(elements: unknown[]) {
  const nodes = new Map<string, [number, number]>();
  for (const element of elements) {
    if (isObject(element) && element.type === 'node') {
      const position = lonLat([element.lon, element.lat]);
      if (position) nodes.set(String(element.id), position);
    }
  }
  const lines: SourceLine[] = [];
  const issues: RowIssue[] = [];
  const ways = elements.filter((element): element is Record<string, unknown> => isObject(element) && element.type === 'way');
  ways.forEach((way, index) => {
    const row = index + 1;
    const tags = isObject(way.tags) ? way.tags : {};
    const label = typeof tags.name === 'string' ? tags.name : `way/${String(way.id)}`;
    if (!isWalkable(tags)) {
      issues.push({ row, severity: 'skip', key: 'import.row.not_walkable', label });
      return;
    }
    const ids = Array.isArray(way.nodes) ? way.nodes.map(String) : [];
    // `out geom` gives each way its positions next to its node ids.
    const geometry = Array.isArray(way.geometry) ? way.geometry : null;
    const positions = ids.map((id, at) => {
      const point = geometry?.[at];
      return isObject(point) ? lonLat([point.lon, point.lat]) : (nodes.get(id) ?? null);
    });
    if (ids.length < 2 || positions.some((position) => position === null)) {
      issues.push({ row, severity: 'error', key: 'import.row.missing_nodes', label });
      return;
    }
    lines.push({ row, label, keys: ids, positions: positions as Array<[number, number]> });
  });
  return { lines, issues, totalRows: ways.length };
}
