import Papa from 'papaparse';

/**
 * CSV that spreadsheets open safely: a cell that starts with = + - @ would run
 * as a formula in Excel (CSV injection), so it gets a leading apostrophe. A
 * byte-order mark makes Excel read the file as UTF-8.
 */
export function csvText(columns: string[], rows: Array<Record<string, unknown>>): string {
  const data = rows.map((row) => columns.map((column) => protectCell(row[column])));
  return '\uFEFF' + Papa.unparse({ fields: columns, data }, { newline: '\r\n' });
}

function protectCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
  // Only a plain number may start with '-': "-1+cmd|..." is a formula too.
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}
