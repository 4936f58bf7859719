import type { Geometry } from 'geojson';
import type {
  AreaImportRow,
  AreaPopulationRow,
  AreasWithPopulationRow,
  AssetImportRow,
  PopulationCellRow,
  PopulationWeightRow,
  WalkLineRow,
} from '../backend/wireTypes';

/**
 * The import framework's vocabulary. A format module turns a file's text into
 * an ImportPlan: the rows SQL will receive plus everything the checks found.
 * Nothing is written until the plan is previewed (dry run) and committed; see
 * runImport.ts. Messages are i18n keys (src/i18n/nl.ts, `import.*`) with
 * parameters, so the dialog and the CLI say the same thing.
 */

/** Something to tell the user, as an i18n key with its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * What a check found about one row:
 * - error: the row is wrong; the import stops unless the user skips such rows;
 * - question: the row looks unlikely (outside the Netherlands); left out unless the user says it is right;
 * - skip: the row is not for Wijkkracht (an OSM object with no matching category, an address without coordinates).
 */
type IssueSeverity = 'error' | 'question' | 'skip';

export interface RowIssue extends Message {
  row: number;
  severity: IssueSeverity;
  /** The row's name, when it has one, so the table can show which row is meant. */
  label?: string;
}

/** A whole file could not be read: broken JSON, not UTF-8, unknown coordinate system, too large. */
export class ImportFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'ImportFileError';
  }
}

/** One row of a file before it is mapped to Wijkkracht's fields: its properties and geometry in WGS84. */
export interface SourceRecord {
  row: number;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
  /** The row had a geometry, but its coordinates could not be read (then `geometry` is null). */
  brokenGeometry?: true;
}

interface PlanBase {
  /** Re-imports match earlier rows on (source, source_id): 'osm', 'cbs', or the file name. */
  source: string;
  attribution: string | null;
  /** Every issue found, by row; rows with an issue are not in `rows`. */
  issues: RowIssue[];
  /** How many rows (features, lines) the file had. */
  totalRows: number;
}

export interface AssetPlan extends PlanBase {
  target: 'assets';
  rows: AssetImportRow[];
  /** Rows waiting for the answer to a question (outside the Netherlands?); included only when the user says yes. */
  questionedRows: AssetImportRow[];
}

export interface AreaPlan extends PlanBase {
  target: 'areas';
  rows: AreaImportRow[];
  questionedRows: AreaImportRow[];
}

/** Residents per area (PC4 with age bands, buurt/wijk key figures), spread over estimated 100 m cells. */
export interface AreaPopulationPlan extends PlanBase {
  target: 'area-population';
  rows: AreaPopulationRow[];
  questionedRows: AreaPopulationRow[];
}

/** A CBS wijk/buurt file with key figures: the areas and their residents, in one transaction. */
export interface AreasWithPopulationPlan extends PlanBase {
  target: 'areas-population';
  rows: AreasWithPopulationRow[];
  questionedRows: AreasWithPopulationRow[];
}

/** The CBS 100 m grid: real counts per cell. */
export interface PopulationCellPlan extends PlanBase {
  target: 'population-cells';
  rows: PopulationCellRow[];
  questionedRows: PopulationCellRow[];
}

/** A footway network: lines between where they meet, for walking distances. */
export interface WalkNetworkPlan extends PlanBase {
  target: 'walk-network';
  rows: WalkLineRow[];
  questionedRows: WalkLineRow[];
}

/** Where homes are (dwellings, addresses, buildings), for spreading residents by them (dasymetric). */
export interface PopulationWeightPlan extends PlanBase {
  target: 'population-weights';
  rows: PopulationWeightRow[];
  questionedRows: PopulationWeightRow[];
}

export type ImportPlan =
  AssetPlan | AreaPlan | AreaPopulationPlan | AreasWithPopulationPlan | PopulationCellPlan | WalkNetworkPlan | PopulationWeightPlan;

/** What the preview table and messages call a row: its name, or a grid cell's id. */
export function rowLabel(row: ImportPlan['rows'][number]): string {
  if ('line' in row) return row.name ?? '';
  if ('weight' in row) return row.name ?? '';
  return 'name' in row ? row.name : row.cell_id;
}

/** Reports how far a long step is, 0..1, so the dialog can draw a progress bar. */
export type ProgressListener = (phase: 'reading' | 'checking' | 'preview' | 'writing', fraction: number) => void;
