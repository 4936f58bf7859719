import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import type { Geometry, Position } from 'geojson';
import { z } from 'zod';
import { healthDimensions } from '../domain/types';
import { circleCategory } from '../domain/circles';
import type { AreaImportRow, AssetImportRow } from '../backend/wireTypes';
import { importLimits, netherlandsExtent } from './limits';
import type { RowIssue } from './types';

/**
 * The checks every imported row passes before SQL sees it, so that the preview
 * can say per row what is wrong. SQL checks again (it is the source of truth);
 * these exist to explain, and to stop early.
 */

const markup = /<\s*\/?\s*[a-z!][^>]*>|javascript:/i;

const assetRowShape = z.object({
  row: z.number().int().positive(),
  kind: z.enum(['place', 'route', 'area', 'group']),
  category: z.string().min(1),
  name: z.string(),
  geometry: z.object({ type: z.string() }).loose(),
  description: z.string().optional(),
  dimensions: z.array(z.enum(healthDimensions)).optional(),
  source_id: z.string().nullable().optional(),
  story: z.string().optional(),
  author_name: z.string().optional(),
});

export function checkAssetRow(row: AssetImportRow): RowIssue[] {
  const issue = (severity: RowIssue['severity'], key: string, params?: RowIssue['params']): RowIssue => ({
    row: row.row,
    severity,
    key,
    label: row.name,
    ...(params ? { params } : {}),
  });
  const shape = assetRowShape.safeParse(row);
  if (!shape.success) {
    const field = String(shape.error.issues[0]?.path[0] ?? '?');
    return [issue('error', 'import.row.bad_field', { field })];
  }
  const issues: RowIssue[] = [];
  const name = row.name.trim();
  if (name === '') issues.push(issue('error', 'import.row.empty_name'));
  if (name.length > importLimits.maxNameLength) {
    issues.push(issue('error', 'import.row.name_too_long', { limit: importLimits.maxNameLength }));
  }
  if (markup.test(row.name) || markup.test(row.description ?? '')) issues.push(issue('error', 'import.row.markup'));
  // The database refuses these too (a circle needs its key person's consent); said here in plain words.
  if (row.category === circleCategory) issues.push(issue('error', 'import.row.circle'));
  if ((row.description ?? '').length > importLimits.maxDescriptionLength) {
    issues.push(issue('error', 'import.row.description_too_long', { limit: importLimits.maxDescriptionLength }));
  }
  issues.push(...checkGeometry(row.geometry).map((found) => issue(found.severity, found.key, found.params)));
  return issues;
}

export function checkAreaRow(row: AreaImportRow): RowIssue[] {
  const issue = (severity: RowIssue['severity'], key: string, params?: RowIssue['params']): RowIssue => ({
    row: row.row,
    severity,
    key,
    label: row.name || row.code,
    ...(params ? { params } : {}),
  });
  const issues: RowIssue[] = [];
  if (!row.code?.trim()) issues.push(issue('error', 'import.row.empty_code'));
  if (!row.name?.trim()) issues.push(issue('error', 'import.row.empty_name'));
  if (markup.test(row.name ?? '')) issues.push(issue('error', 'import.row.markup'));
  // Boundaries that are not OGC-valid are repaired in SQL and reported, not refused.
  issues.push(...checkGeometry(row.geometry, { validity: false }).map((found) => issue(found.severity, found.key, found.params)));
  return issues;
}

type GeometryIssue = Pick<RowIssue, 'severity' | 'key' | 'params'>;

/** Coordinates are numbers, the geometry is not huge, valid (OGC), and in the Netherlands. */
function checkGeometry(geometry: Geometry | null, options = { validity: true }): GeometryIssue[] {
  if (!geometry) return [{ severity: 'error', key: 'import.row.no_geometry' }];
  let positions: Position[];
  try {
    positions = allPositions(geometry);
  } catch {
    // e.g. {"type": "Polygon", "coordinates": null}
    return [{ severity: 'error', key: 'import.row.bad_coordinates' }];
  }
  if (positions.length === 0) return [{ severity: 'error', key: 'import.row.no_geometry' }];
  if (positions.some((position) => !Array.isArray(position) || !Number.isFinite(position[0]) || !Number.isFinite(position[1]))) {
    return [{ severity: 'error', key: 'import.row.bad_coordinates' }];
  }
  if (positions.length > importLimits.maxVertices) {
    return [
      { severity: 'error', key: 'import.row.too_many_vertices', params: { count: positions.length, limit: importLimits.maxVertices } },
    ];
  }
  // Validity first: a broken shape is an error, also where "outside the Netherlands?" would be asked.
  if (options.validity && geometry.type !== 'Point' && !isValidShape(geometry)) {
    return [{ severity: 'error', key: 'import.row.invalid_geometry' }];
  }
  const [west, south, east, north] = netherlandsExtent;
  const outside = positions.some(([lon, lat]) => lon! < west || lon! > east || lat! < south || lat! > north);
  if (outside) {
    const looksSwapped = positions.every(([lon, lat]) => lat! >= west && lat! <= east && lon! >= south && lon! <= north);
    return [
      { severity: looksSwapped ? 'error' : 'question', key: looksSwapped ? 'import.row.swapped_coordinates' : 'import.row.outside_nl' },
    ];
  }
  return [];
}

function allPositions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(allPositions);
  }
}

/**
 * OGC validity as PostGIS checks it, as far as the browser can: turf's
 * booleanValid misses a polygon whose ring crosses itself (a bow tie), so
 * surfaces are also checked for kinks. Self-crossing lines are valid in OGC.
 */
function isValidShape(geometry: Geometry): boolean {
  if (!booleanValid(geometry)) return false;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return kinks(geometry).features.length === 0;
  return true;
}
