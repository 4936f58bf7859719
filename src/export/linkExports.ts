import type { ExportedLink } from '../backend/wireTypes';
import { csvText } from './csvText';

// Both places by id and name, so the file reads on its own and joins with the places' export (wijkkracht_id).
const linkCsvColumns = ['kind', 'from_id', 'from_name', 'from_category', 'to_id', 'to_name', 'to_category', 'created_at'] as const;

/** The connections between places as CSV, one row each. */
export function linksCsv(links: ExportedLink[]): string {
  return csvText([...linkCsvColumns], links as unknown as Array<Record<string, unknown>>);
}
