import type { Category } from '../backend/wireTypes';
import { mapRecordsToAssetPlan, guessColumnMapping, type ColumnMapping } from './columnMapping';
import { cbsAreaPlan, looksLikeCbsAreas } from './formats/cbsAreas';
import {
  areaPopulationPlan,
  areasWithPopulationPlan,
  looksLikeAreaPopulation,
  looksLikeAreasWithPopulation,
  looksLikePopulationGrid,
  populationGridPlan,
} from './formats/cbsPopulation';
import { readCsvRecords } from './formats/csvRecords';
import { readGeoJsonRecords } from './formats/geojsonRecords';
import { readKmlRecords } from './formats/kmlRecords';
import { looksLikeOsm, osmAssetPlan } from './formats/osmAssets';
import { looksLikePopulationWeights, populationWeightPlan } from './formats/populationWeights';
import { looksLikeWalkNetwork, walkNetworkPlan } from './formats/walkNetwork';
import { ImportFileError, type ImportPlan, type SourceRecord } from './types';

/**
 * Which importer reads a file, and how. Formats with free columns (CSV,
 * GeoJSON, KML) go through a column mapping the user can correct; OSM and
 * CBS files have known fields and map themselves.
 */
export type ImportFormat =
  | 'csv'
  | 'geojson'
  | 'kml'
  | 'osm'
  | 'cbs-areas'
  | 'cbs-population'
  | 'cbs-areas-population'
  | 'cbs-grid'
  | 'walk-network'
  | 'population-weights';

export const importFormats: ImportFormat[] = [
  'csv',
  'geojson',
  'kml',
  'osm',
  'cbs-areas',
  'cbs-population',
  'cbs-areas-population',
  'cbs-grid',
  'walk-network',
  'population-weights',
];

/** Guess the format from the file name and the first few kilobytes. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  const head = text.slice(0, 4096).trimStart();
  if (name.endsWith('.osm') || head.startsWith('<osm') || (head.startsWith('<?xml') && /<osm[\s>]/.test(head))) return 'osm';
  if (name.endsWith('.kml') || /<kml[\s>]/.test(head)) return 'kml';
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  if (head.startsWith('{') || head.startsWith('[') || name.endsWith('.json') || name.endsWith('.geojson')) {
    // Before places: a network's ways carry OSM ids and tags too.
    if (looksLikeWalkNetwork(text)) return 'walk-network';
    // Population first: a PC4 table with age bands is also a set of areas, but its counts are the point.
    if (looksLikePopulationGrid(text)) return 'cbs-grid';
    // Wijken and buurten with key figures bring their boundaries too; postcode areas only their people.
    if (looksLikeAreasWithPopulation(text)) return 'cbs-areas-population';
    if (looksLikeAreaPopulation(text)) return 'cbs-population';
    // After population (a CBS file may count dwellings too), before places: buildings carry OSM ids, but no health asset's tags.
    if (looksLikePopulationWeights(text)) return 'population-weights';
    if (looksLikeOsm(text)) return 'osm';
    if (looksLikeCbsAreas(text)) return 'cbs-areas';
    return 'geojson';
  }
  throw new ImportFileError('import.file.unknown_format');
}

/** A file read into rows with its own columns, waiting for the user's mapping. */
export interface TabularFile {
  format: 'csv' | 'geojson' | 'kml';
  columns: string[];
  records: SourceRecord[];
  mapping: ColumnMapping;
}

export function readTabular(format: TabularFile['format'], text: string): TabularFile {
  const { columns, records } = format === 'csv' ? readCsvRecords(text) : format === 'kml' ? readKmlRecords(text) : readGeoJsonRecords(text);
  return { format, columns, records, mapping: guessColumnMapping(columns, format) };
}

export function isTabular(format: ImportFormat): format is TabularFile['format'] {
  return format === 'csv' || format === 'geojson' || format === 'kml';
}

export interface PlanOptions {
  /** Re-imports of the same file name update the rows with a stable id column. */
  fileName: string;
  /** The source re-imports match on; by default derived from the file name (sourceNameForFile). */
  sourceName?: string;
  categories: Category[];
  attribution?: string | null;
  /** For tabular formats: the (corrected) mapping; guessed when absent. */
  mapping?: ColumnMapping;
}

/**
 * The whole way from text to plan for one format; the dialog and the CLI both use it.
 * A file is refused only with an ImportFileError (a message for the user): the readers
 * check what they know can go wrong, and anything else a file triggers in the libraries
 * they use (a KML shape nested 10 000 deep overflows togeojson's stack) is refused too,
 * so neither the dialog nor the CLI shows a stack trace.
 */
export function planFromText(format: ImportFormat, text: string, options: PlanOptions): ImportPlan {
  try {
    return readPlan(format, text, options);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('import.file.unexpected', { detail: error instanceof Error ? error.message : String(error) });
  }
}

function readPlan(format: ImportFormat, text: string, options: PlanOptions): ImportPlan {
  if (format === 'osm') return osmAssetPlan(text);
  if (format === 'cbs-areas') return cbsAreaPlan(text);
  if (format === 'cbs-population') return areaPopulationPlan(text);
  if (format === 'cbs-areas-population') return areasWithPopulationPlan(text);
  if (format === 'cbs-grid') return populationGridPlan(text);
  if (format === 'walk-network') return walkNetworkPlan(text);
  // Each file its own source, so loading it again replaces its weights.
  if (format === 'population-weights')
    return populationWeightPlan(text, options.sourceName?.trim() || sourceNameForFile(options.fileName), options.attribution ?? null);
  const tabular = readTabular(format, text);
  return mapRecordsToAssetPlan(
    tabular.records,
    options.mapping ?? tabular.mapping,
    options.categories,
    options.sourceName?.trim() || sourceNameForFile(options.fileName),
    options.attribution ?? null,
  );
}

/**
 * A file's name as the source that re-imports match on: without folders and
 * extension, and without what changes between downloads of the same list (a
 * date, a browser's " (1)"), so next month's "lijst-2026-12-01 (1).csv"
 * updates this month's "lijst-2026-11-23.csv" instead of adding it again.
 */
export function sourceNameForFile(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/(\.[a-z0-9]+)+$/i, '');
  const stable = base
    .replace(/\s*\(\d+\)$/, '')
    .replace(/[-_ ]?\d{4}-\d{2}-\d{2}$/, '')
    .trim();
  return (stable || base || 'bestand').slice(0, 100);
}
