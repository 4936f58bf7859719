import type { WijkkrachtApi } from '../backend/api';
import { ApiError, refusedRowsOf } from '../backend/apiError';
import type { ImportReport, RefusedRow } from '../backend/wireTypes';
import { ImportFileError, rowLabel, type ImportPlan, type ProgressListener, type RowIssue } from './types';

/** What the user decided in the preview (dialog) or on the command line. */
export interface ImportChoices {
  /** Import the good rows even though some rows have errors. Off by default: all or nothing. */
  skipInvalid?: boolean;
  /** Include rows outside the Netherlands (the answer to the preview's question). */
  includeQuestioned?: boolean;
  /** Assets only: keep rows that touch the area with this code. */
  withinArea?: string | null;
}

/** The rows that go to SQL, or a refusal when rows have errors and the user did not choose to skip them. */
function rowsToSend(plan: ImportPlan, choices: ImportChoices): ImportPlan['rows'] {
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0 && !choices.skipInvalid) {
    throw new ImportFileError('import.file.rows_with_errors', { count: errors.length });
  }
  const rows: Array<ImportPlan['rows'][number]> = choices.includeQuestioned ? [...plan.rows, ...plan.questionedRows] : plan.rows;
  return rows as ImportPlan['rows'];
}

// Rows per dry-run call, so a large file shows progress (a dry run takes ~0.06 ms a row on PGlite in Node, more in a browser's worker).
const previewChunkRows = 2000;

/**
 * Asks SQL what the import would do: dry runs (each a transaction that rolls
 * back), in chunks so a large file shows progress. Chunks cannot see each
 * other's rows, but the only cross-row rule, duplicate ids, is already
 * checked for the whole file by buildPlan.
 */
/** The report's counts, which add up when a preview is asked in chunks. */
const summedCounts = [
  'added',
  'updated',
  'unchanged',
  'skipped',
  'residents_in',
  'residents_65plus_in',
  'residents_spread',
  'residents_65plus_spread',
  'residents_landed',
  'residents_65plus_landed',
  'cells_secret',
  'estimated_replaced',
  'earlier_cells_removed',
  'network_km',
  'cells_added',
  'cells_updated',
  'cells_unchanged',
  'key_figures',
  // Weights are previewed in one call (below), so theirs are taken as they come.
  'weight_total',
  'sources_respread',
  'cells_by_weights',
  'residents_before',
  'residents_after',
] as const satisfies readonly (keyof ImportReport)[];

export async function previewImport(
  api: WijkkrachtApi,
  plan: ImportPlan,
  choices: ImportChoices = {},
  onProgress?: ProgressListener,
): Promise<ImportReport> {
  const rows = rowsToSend(plan, choices);
  const merged: ImportReport = { dry_run: true, added: 0, updated: 0, unchanged: 0, skipped: 0, rows: [] };
  const refused: RefusedRow[] = [];
  // Weights spread every area again as a whole, which a part of the file cannot preview.
  const chunkRows = plan.target === 'population-weights' ? Math.max(rows.length, 1) : previewChunkRows;
  for (let start = 0; start === 0 || start < rows.length; start += chunkRows) {
    onProgress?.('preview', start / Math.max(rows.length, 1));
    try {
      const report = await send(api, plan, rows.slice(start, start + chunkRows), choices, true);
      // Counts add up over chunks, also the population imports' own (residents_in, …).
      for (const key of summedCounts) {
        const value = report[key];
        if (value !== undefined) merged[key] = (merged[key] ?? 0) + value;
      }
      merged.rows.push(...report.rows);
    } catch (error) {
      // Go on with the other chunks, so the user sees every refused row at once.
      const rowsOfChunk = error instanceof ApiError ? refusedRowsOf(error) : [];
      if (rowsOfChunk.length === 0) throw error;
      refused.push(...rowsOfChunk);
    }
  }
  onProgress?.('preview', 1);
  if (refused.length > 0) {
    throw new ApiError('import_refused', `${refused.length} rows were refused`, 'WKIMP', JSON.stringify(refused));
  }
  return merged;
}

/** The plan without the rows SQL refused, which become error issues like the checks' own. */
export function withRefusedRows(plan: ImportPlan, refusedIssues: RowIssue[]): ImportPlan {
  const refusedRows = new Set(refusedIssues.map((issue) => issue.row));
  const keep = <Row extends { row: number }>(rows: Row[]) => rows.filter((row) => !refusedRows.has(row.row));
  const labels = new Map<number, string>([...plan.rows, ...plan.questionedRows].map((row) => [row.row, rowLabel(row)]));
  return {
    ...plan,
    rows: keep(plan.rows as Array<{ row: number }>),
    questionedRows: keep(plan.questionedRows as Array<{ row: number }>),
    issues: [...plan.issues, ...refusedIssues.map((issue) => ({ ...issue, label: issue.label ?? labels.get(issue.row) }))],
  } as ImportPlan;
}

/** Writes the plan in one call, so every row lands or none. */
export async function commitImport(api: WijkkrachtApi, plan: ImportPlan, choices: ImportChoices = {}): Promise<ImportReport> {
  return send(api, plan, rowsToSend(plan, choices), choices, false);
}

async function send(api: WijkkrachtApi, plan: ImportPlan, rows: ImportPlan['rows'], choices: ImportChoices, dryRun: boolean) {
  const base = { source: plan.source, attribution: plan.attribution, dryRun };
  switch (plan.target) {
    case 'assets':
      return api.importAssets({ ...base, rows: rows as typeof plan.rows, withinArea: choices.withinArea ?? null });
    case 'areas':
      return api.importAreas({ ...base, rows: rows as typeof plan.rows });
    case 'area-population':
      return api.importAreaPopulation({ ...base, rows: rows as typeof plan.rows });
    case 'areas-population':
      return api.importAreasWithPopulation({ ...base, rows: rows as typeof plan.rows });
    case 'population-cells':
      return api.importPopulationCells({ ...base, rows: rows as typeof plan.rows });
    case 'walk-network':
      return api.importWalkNetwork({ ...base, rows: rows as typeof plan.rows });
    case 'population-weights':
      return api.importPopulationWeights({ ...base, rows: rows as typeof plan.rows });
  }
}

const keyBySqlState: Record<string, string> = {
  WKREQ: 'import.row.empty_name',
  WKGEO: 'import.row.invalid_geometry',
  WKCAT: 'import.row.unknown_category',
  WKDUP: 'import.row.duplicate_id',
};

/** SQL's refusal of an import, as row issues the preview table can show. */
export function issuesFromRefusal(error: unknown): RowIssue[] {
  if (!(error instanceof ApiError)) return [];
  return refusedRowsOf(error).map((refused) => ({
    row: refused.row,
    severity: 'error',
    key: keyBySqlState[refused.code] ?? 'import.row.refused',
    params: { message: refused.message, id: refused.detail ?? '', first: '' },
  }));
}
