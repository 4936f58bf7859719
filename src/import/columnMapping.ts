import type { Geometry } from 'geojson';
import { healthDimensions, type AssetKind, type HealthDimension } from '../domain/types';
import type { AssetImportRow, Category } from '../backend/wireTypes';
import { buildAssetPlan, requireRowCount, type Draft } from './buildPlan';
import { detectCrs, samplePositions, toWgs84, type Crs } from './crs';
import { kindForGeometry } from './kindForGeometry';
import { importLimits } from './limits';
import { ImportFileError, type AssetPlan, type RowIssue, type SourceRecord } from './types';
import { parseWkt } from './wktGeometry';

/** Which column of a CSV, GeoJSON or KML file holds which asset field; the user can correct the guess. */
export interface ColumnMapping {
  name: string | null;
  /** A column whose values are category ids or labels, or one category for all rows. */
  category: { column: string } | { fixed: string };
  description: string | null;
  /** "Why this place matters": becomes the asset's first story. */
  story: string | null;
  /** A stable id: re-imports of the same file update the rows with the same id. */
  id: string | null;
  /** Positive Health dimensions, comma or semicolon separated, as ids or Dutch labels. */
  dimensions: string | null;
  /** CSV only: coordinates as two columns (decimal comma allowed), a WKT column, or an address. */
  latitude: string | null;
  longitude: string | null;
  wkt: string | null;
  /** Rows with only an address are skipped until geocoding exists. */
  address: string | null;
}

/** Header names people use, Dutch and English, best first; compared without case, spaces or underscores. */
const headerNames = {
  name: ['naam', 'name', 'titel', 'title'],
  category: ['categorie', 'category', 'soort', 'type'],
  description: ['omschrijving', 'beschrijving', 'description'],
  story: ['verhaal', 'waarom', 'story'],
  id: ['source_id', 'id', 'code'],
  dimensions: ['dimensies', 'dimensions', 'positieve_gezondheid'],
  latitude: ['lat', 'latitude', 'breedtegraad', 'y'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'lengtegraad', 'x'],
  wkt: ['wkt', 'geometry', 'geometrie', 'geom', 'the_geom'],
  address: ['adres', 'address', 'straat'],
};

/** Rows without a category column are citizen initiatives: what people most often map. */
const defaultCategory = 'initiatief';

const comparable = (header: string) => header.toLowerCase().replace(/[\s_.-]+/g, '');

export function guessColumnMapping(columns: string[], format: 'csv' | 'geojson' | 'kml'): ColumnMapping {
  const find = (names: string[]) => {
    for (const name of names) {
      const column = columns.find((candidate) => comparable(candidate) === comparable(name));
      if (column !== undefined) return column;
    }
    return null;
  };
  // GeoJSON and KML records carry their geometry; only a CSV has coordinates in columns.
  const inColumns = (names: string[]) => (format === 'csv' ? find(names) : null);
  const category = find(headerNames.category);
  return {
    name: find(headerNames.name),
    category: category === null ? { fixed: defaultCategory } : { column: category },
    description: find(headerNames.description),
    story: find(headerNames.story),
    id: find(headerNames.id),
    dimensions: find(headerNames.dimensions),
    latitude: inColumns(headerNames.latitude),
    longitude: inColumns(headerNames.longitude),
    wkt: inColumns(headerNames.wkt),
    address: inColumns(headerNames.address),
  };
}

export function mapRecordsToAssetPlan(
  records: SourceRecord[],
  mapping: ColumnMapping,
  categories: Category[],
  source: string,
  attribution: string | null,
): AssetPlan {
  // Before mapping, so that a file far too large is refused at once (buildAssetPlan checks again).
  requireRowCount(records.length, importLimits.maxAssetRows);
  const drafts = mapRecordsToAssets(records, mapping, categories);
  return buildAssetPlan({ source, attribution, totalRows: records.length, drafts });
}

type Problem = Pick<RowIssue, 'severity' | 'key' | 'params'>;
type Located = { geometry: Geometry; fromColumns: boolean } | { problem: Problem };

/** One draft per record: the row for SQL when one can be made, and what is wrong with it. */
export function mapRecordsToAssets(records: SourceRecord[], mapping: ColumnMapping, categories: Category[]): Draft<AssetImportRow>[] {
  const categoryIds = categoryLookup(categories);
  const located = records.map((record) => locate(record, mapping));
  const crs = columnCrs(located);
  return records.map((record, index) => {
    const value = (column: string | null) => (column === null ? '' : text(record.properties[column]));
    const name = value(mapping.name);
    const issues: RowIssue[] = [];
    const report = ({ severity, key, params }: Problem) =>
      issues.push({ row: record.row, severity, key, ...(params ? { params } : {}), ...(name ? { label: name } : {}) });

    const place = located[index]!;
    let geometry: Geometry | null = null;
    if ('problem' in place) report(place.problem);
    else geometry = place.fromColumns ? toWgs84(place.geometry, crs) : place.geometry;
    // A `kind` column (as Wijkkracht's own exports have) keeps a circle a circle; else the shape decides.
    const kind = geometry ? (kindFromColumn(record.properties.kind, geometry) ?? kindForGeometry(geometry)) : null;
    if (geometry && !kind) report({ severity: 'error', key: 'import.row.unsupported_geometry', params: { type: geometry.type } });

    const categoryValue = 'column' in mapping.category ? value(mapping.category.column) : mapping.category.fixed;
    const category = categoryIds.get(categoryValue.trim().toLowerCase());
    if (!category) report({ severity: 'error', key: 'import.row.unknown_category', params: { value: categoryValue } });

    const dimensions: HealthDimension[] = [];
    for (const label of splitList(value(mapping.dimensions))) {
      const dimension = dimensionFor(label);
      if (!dimension) report({ severity: 'error', key: 'import.row.unknown_dimension', params: { value: label } });
      else if (!dimensions.includes(dimension)) dimensions.push(dimension);
    }

    if (!geometry || !kind || !category) return { row: record.row, value: null, issues };
    const description = value(mapping.description);
    const story = value(mapping.story);
    const row: AssetImportRow = {
      row: record.row,
      kind,
      category,
      name,
      geometry,
      source_id: value(mapping.id) || null,
      ...(description ? { description } : {}),
      ...(story ? { story } : {}),
      ...(dimensions.length > 0 ? { dimensions } : {}),
    };
    return { row: record.row, value: row, issues };
  });
}

/** Where a record is: its own geometry (GeoJSON, KML), else a WKT column, else latitude and longitude columns. */
function locate(record: SourceRecord, mapping: ColumnMapping): Located {
  if (record.geometry) return { geometry: record.geometry, fromColumns: false };
  if (record.brokenGeometry) return { problem: { severity: 'error', key: 'import.row.broken_geometry' } };
  const value = (column: string | null) => (column === null ? '' : text(record.properties[column]));
  const wkt = value(mapping.wkt);
  if (wkt) {
    const geometry = parseWkt(wkt);
    if (!geometry) return { problem: { severity: 'error', key: 'import.row.bad_field', params: { field: mapping.wkt! } } };
    return { geometry, fromColumns: true };
  }
  const latitude = value(mapping.latitude);
  const longitude = value(mapping.longitude);
  if (latitude || longitude) {
    const y = parseCoordinate(latitude);
    const x = parseCoordinate(longitude);
    if (x === null || y === null) return { problem: { severity: 'error', key: 'import.row.bad_coordinates' } };
    return { geometry: { type: 'Point', coordinates: [x, y] }, fromColumns: true };
  }
  if (value(mapping.address)) return { problem: { severity: 'skip', key: 'import.row.needs_geocoding' } };
  return { problem: { severity: 'error', key: 'import.row.no_geometry' } };
}

/**
 * Coordinates typed into columns are WGS84 or, as Dutch municipalities export
 * x/y, RD New; the first rows tell which. A mixture stays WGS84 so that the
 * row checks can point at the odd rows rather than the whole file being refused.
 */
function columnCrs(located: Located[]): Crs {
  const sample = located
    .flatMap((place) => ('geometry' in place && place.fromColumns ? [place.geometry] : []))
    .slice(0, 20)
    .flatMap((geometry) => samplePositions(geometry));
  try {
    return detectCrs(undefined, sample);
  } catch (error) {
    if (error instanceof ImportFileError) return 'EPSG:4326';
    throw error;
  }
}

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number as typed in a spreadsheet: "52,17" (Dutch decimal comma) as well as "52.17". */
function parseCoordinate(typed: string): number | null {
  const compact = typed.replace(/\s+/g, '');
  // With both separators (155.000,25 or 155,000.25) the last one is the decimal point.
  const decimalComma = compact.lastIndexOf(',') > compact.lastIndexOf('.');
  const normalized = decimalComma ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  return numberPattern.test(normalized) ? Number(normalized) : null;
}

/** Category ids and their Dutch and English labels, compared without case. */
function categoryLookup(categories: Category[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const category of categories) {
    for (const name of [category.id, category.label_nl, category.label_en]) ids.set(name.trim().toLowerCase(), category.id);
  }
  return ids;
}

/** "Mentaal welbevinden" and "mentaal_welbevinden" both name the same dimension. */
function dimensionFor(label: string): HealthDimension | null {
  const id = label.toLowerCase().replace(/[\s-]+/g, '_');
  return healthDimensions.find((dimension) => dimension === id) ?? null;
}

function splitList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A property as text: files give numbers, booleans, arrays (GeoJSON dimensions) and objects too. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** 'group' fits a point or a surface; the other kinds must agree with what the shape says. */
function kindFromColumn(value: unknown, geometry: Geometry): AssetKind | null {
  const byShape = kindForGeometry(geometry);
  if (value === 'group' && (byShape === 'place' || byShape === 'area')) return 'group';
  return value === byShape ? byShape : null;
}
