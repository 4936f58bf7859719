import Papa from 'papaparse';

/**
 * CSV that spreadsheets open safely, whatever list separator they split on:
 * - every text cell is quoted, so a `;` or `,` inside it never starts a new
 *   cell: Dutch Excel splits a comma file on `;`, and an unquoted
 *   `Buurthuis;=1+1` would give it a cell `=1+1` that runs as a formula;
 * - a cell that starts with = + - @ tab or CR would run as a formula in Excel
 *   (CSV injection), so it gets a leading apostrophe.
 * Numbers stay unquoted, so spreadsheets read them as numbers. A byte-order
 * mark makes Excel read the file as UTF-8.
 */
export function csvText(columns: string[], rows: Array<Record<string, unknown>>): string {
  const data = rows.map((row) => columns.map((column) => protectCell(row[column])));
  return '\uFEFF' + Papa.unparse({ fields: columns, data }, { newline: '\r\n', quotes: (value: unknown) => typeof value !== 'number' });
}

function protectCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
  // Only a plain number may start with '-': "-1+cmd|..." is a formula too.
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}
