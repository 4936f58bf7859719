import type { WijkkrachtApi } from '../backend/api';
import { ApiError, refusedRowsOf } from '../backend/apiError';
import type { ImportReport } from '../domain/types';
import { ImportFileError, type ImportPlan, type ProgressListener, type RowIssue } from './types';

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
export function rowsToSend(plan: ImportPlan, choices: ImportChoices) {
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0 && !choices.skipInvalid) {
    throw new ImportFileError('import.file.rows_with_errors', { count: errors.length });
  }
  return choices.includeQuestioned ? [...plan.rows, ...plan.questionedRows] : plan.rows;
}

/** Asks SQL what the import would do (a dry run in one transaction that rolls back). */
export async function previewImport(api: WijkkrachtApi, plan: ImportPlan, choices: ImportChoices = {}): Promise<ImportReport> {
  return send(api, plan, choices, true);
}

/** Writes the plan: every row or none. */
export async function commitImport(
  api: WijkkrachtApi,
  plan: ImportPlan,
  choices: ImportChoices = {},
  onProgress?: ProgressListener,
): Promise<ImportReport> {
  onProgress?.('writing', 0);
  const report = await send(api, plan, choices, false);
  onProgress?.('writing', 1);
  return report;
}

async function send(api: WijkkrachtApi, plan: ImportPlan, choices: ImportChoices, dryRun: boolean) {
  const base = { source: plan.source, attribution: plan.attribution, dryRun };
  return plan.target === 'assets'
    ? api.importAssets({ ...base, rows: rowsToSend(plan, choices) as typeof plan.rows, withinArea: choices.withinArea ?? null })
    : api.importAreas({ ...base, rows: rowsToSend(plan, choices) as typeof plan.rows });
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
