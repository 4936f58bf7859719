import type { FeatureCollection } from 'geojson';
import type { ImportReport } from '../backend/wireTypes';
import type { ImportChoices } from './runImport';
import { rowLabel, type ImportPlan, type Message } from './types';

/** One line of the preview table: which row, its name, and what will happen to it, as a message. */
export interface PreviewRow extends Message {
  row: number;
  label: string;
  tone: 'add' | 'update' | 'same' | 'skip' | 'question' | 'error';
}

/**
 * Everything the preview table shows, in file order: SQL's answer for the rows
 * it would write (from the dry run), and the checks' answer for the others.
 */
export function previewRows(plan: ImportPlan, report: ImportReport | null): PreviewRow[] {
  const labels = new Map<number, string>();
  for (const row of [...plan.rows, ...plan.questionedRows]) labels.set(row.row, rowLabel(row));
  const lines: PreviewRow[] = plan.issues.map((issue) => ({
    row: issue.row,
    label: issue.label ?? labels.get(issue.row) ?? '',
    key: issue.key,
    params: issue.params,
    tone: issue.severity === 'skip' ? 'skip' : issue.severity,
  }));
  const flagged = new Set(lines.map((line) => line.row));
  for (const result of report?.rows ?? []) {
    if (flagged.has(result.row)) continue;
    const action = result.repaired && result.action === 'add' ? 'repaired' : result.action;
    lines.push({
      row: result.row,
      label: labels.get(result.row) ?? result.code ?? '',
      key: `import.action.${action}`,
      tone: result.action === 'add' ? 'add' : result.action === 'update' ? 'update' : result.action === 'unchanged' ? 'same' : 'skip',
    });
  }
  return lines.sort((a, b) => a.row - b.row);
}

export function countByTone(rows: PreviewRow[]): Record<PreviewRow['tone'], number> {
  const counts = { add: 0, update: 0, same: 0, skip: 0, question: 0, error: 0 };
  for (const row of rows) counts[row.tone] += 1;
  return counts;
}

/** The rows that would be written, as GeoJSON for the map preview. */
export function previewCollection(plan: ImportPlan, choices: ImportChoices): FeatureCollection {
  const rows = choices.includeQuestioned ? [...plan.rows, ...plan.questionedRows] : plan.rows;
  return {
    type: 'FeatureCollection',
    // Grid cells carry only their id; the map shows them once they are imported.
    features: rows.flatMap((row) =>
      'geometry' in row
        ? [{ type: 'Feature' as const, properties: { row: row.row }, geometry: row.geometry }]
        : 'line' in row
          ? [{ type: 'Feature' as const, properties: { row: row.row }, geometry: { type: 'LineString' as const, coordinates: row.line } }]
          : [],
    ),
  };
}
