import type { AreaImportRow, AreaPopulationRow, AssetImportRow, PopulationCellRow } from '../backend/wireTypes';
import { checkAreaRow, checkAssetRow } from './checkRow';
import { importLimits } from './limits';
import { ImportFileError, type AreaPlan, type AreaPopulationPlan, type AssetPlan, type PopulationCellPlan, type RowIssue } from './types';

/** A row as a format module made it: the row for SQL if it could make one, and what it found. */
export interface Draft<Row> {
  row: number;
  value: Row | null;
  issues: RowIssue[];
}

interface PlanInput<Row> {
  source: string;
  attribution: string | null;
  totalRows: number;
  drafts: Draft<Row>[];
}

export function buildAssetPlan(input: PlanInput<AssetImportRow>): AssetPlan {
  requireRowCount(input.totalRows, importLimits.maxAssetRows);
  const firstRowById = new Map<string, number>();
  const sorted = sortDrafts(input.drafts, (asset) => {
    const issues = checkAssetRow(asset);
    const id = asset.source_id;
    if (id) {
      const first = firstRowById.get(id);
      if (first === undefined) firstRowById.set(id, asset.row);
      else issues.push({ row: asset.row, severity: 'error', key: 'import.row.duplicate_id', params: { id, first }, label: asset.name });
    }
    return issues;
  });
  return { target: 'assets', source: input.source, attribution: input.attribution, totalRows: input.totalRows, ...sorted };
}

export function buildAreaPlan(input: PlanInput<AreaImportRow>): AreaPlan {
  requireRowCount(input.totalRows, importLimits.maxAreaRows);
  const firstRowByCode = new Map<string, number>();
  const sorted = sortDrafts(input.drafts, (area) => {
    const issues = checkAreaRow(area);
    const first = firstRowByCode.get(area.code);
    if (first === undefined) firstRowByCode.set(area.code, area.row);
    else
      issues.push({ row: area.row, severity: 'error', key: 'import.row.duplicate_id', params: { id: area.code, first }, label: area.name });
    return issues;
  });
  return { target: 'areas', source: input.source, attribution: input.attribution, totalRows: input.totalRows, ...sorted };
}

export function buildAreaPopulationPlan(input: PlanInput<AreaPopulationRow>): AreaPopulationPlan {
  requireRowCount(input.totalRows, importLimits.maxAreaRows);
  const firstRowByCode = new Map<string, number>();
  const sorted = sortDrafts(input.drafts, (area) => {
    // The boundary and name are checked as for any area; the counts were read by the format module.
    const issues = checkAreaRow({ ...area, level: 'other' });
    const first = firstRowByCode.get(area.code);
    if (first === undefined) firstRowByCode.set(area.code, area.row);
    else
      issues.push({ row: area.row, severity: 'error', key: 'import.row.duplicate_id', params: { id: area.code, first }, label: area.name });
    return issues;
  });
  return { target: 'area-population', source: input.source, attribution: input.attribution, totalRows: input.totalRows, ...sorted };
}

export function buildPopulationCellPlan(input: PlanInput<PopulationCellRow>): PopulationCellPlan {
  requireRowCount(input.totalRows, importLimits.maxPopulationCells);
  const firstRowById = new Map<string, number>();
  const sorted = sortDrafts(input.drafts, (cell) => {
    const first = firstRowById.get(cell.cell_id);
    if (first === undefined) {
      firstRowById.set(cell.cell_id, cell.row);
      return [];
    }
    return [{ row: cell.row, severity: 'error', key: 'import.row.duplicate_id', params: { id: cell.cell_id, first }, label: cell.cell_id }];
  });
  return { target: 'population-cells', source: input.source, attribution: input.attribution, totalRows: input.totalRows, ...sorted };
}

export function requireRowCount(count: number, limit: number): void {
  if (count === 0) throw new ImportFileError('import.file.empty');
  if (count > limit) throw new ImportFileError('import.file.too_many_rows', { count, limit });
}

/** Rows without issues go to SQL; rows with only questions wait for the user's answer; the rest are reported. */
function sortDrafts<Row>(drafts: Draft<Row>[], check: (row: Row) => RowIssue[]) {
  const rows: Row[] = [];
  const questionedRows: Row[] = [];
  const issues: RowIssue[] = [];
  for (const draft of drafts) {
    const found = [...draft.issues, ...(draft.value ? check(draft.value) : [])];
    issues.push(...found);
    if (!draft.value || found.some((issue) => issue.severity !== 'question')) continue;
    (found.length === 0 ? rows : questionedRows).push(draft.value);
  }
  return { rows, questionedRows, issues };
}
