import Papa from 'papaparse';
import { importLimits } from '../limits';
import { ImportFileError, type SourceRecord } from '../types';

/**
 * The rows of a CSV file as records, keyed by the (trimmed) header. The
 * delimiter is guessed, so the semicolons Dutch Excel writes work as well as
 * commas. Geometry stays null: coordinates come from the column mapping.
 * `row` is the line in the file where the row starts (the header is line 1),
 * so the preview points where a spreadsheet user would look.
 */
export function readCsvRecords(text: string): { columns: string[]; records: SourceRecord[]; delimiter: string } {
  const parsed: { line: number; values: Record<string, unknown> }[] = [];
  let count = 0;
  let columns: string[] = [];
  let delimiter = ',';
  let linebreaksSeen = 0;
  let scannedUpTo = 0;
  let unclosedQuoteRow: number | null = null;
  let previousLastLine = 1;
  Papa.parse<Record<string, unknown>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
    step(result) {
      count += 1;
      // Past the limit only the count matters (for the message); skip the rest so a huge file fails fast.
      if (count > importLimits.maxAssetRows) return;
      if (count === 1) {
        columns = (result.meta.fields ?? []).filter((column) => column !== '');
        delimiter = result.meta.delimiter;
      }
      // The cursor sits just past the row (and its line break): the row ends on the line the cursor
      // is on, and starts as many lines earlier as its quoted values hold line breaks.
      const { cursor, linebreak } = result.meta;
      linebreaksSeen += countOccurrences(text, linebreak, scannedUpTo, cursor);
      scannedUpTo = cursor;
      const endsWithLinebreak = cursor >= linebreak.length && text.startsWith(linebreak, cursor - linebreak.length);
      const lastLine = 1 + linebreaksSeen - (endsWithLinebreak ? 1 : 0);
      const { __parsed_extra: extra, ...values } = result.data;
      const innerLinebreaks = [...Object.values(values), ...(Array.isArray(extra) ? extra : [])].reduce<number>(
        (sum, value) => sum + (typeof value === 'string' ? countOccurrences(value, linebreak) : 0),
        0,
      );
      parsed.push({ line: lastLine - innerLinebreaks, values });
      // An unclosed quote swallows every later row into one value: refuse the file rather than lose rows.
      // The broken row's own line count is unreliable (it swallowed the rest), so: the line after the last good row.
      if (unclosedQuoteRow === null && result.errors.some((error) => error.type === 'Quotes')) {
        unclosedQuoteRow = previousLastLine + 1;
      }
      previousLastLine = lastLine;
    },
  });
  if (unclosedQuoteRow !== null) throw new ImportFileError('import.file.broken_csv', { line: unclosedQuoteRow });
  if (count === 0) throw new ImportFileError('import.file.empty');
  if (count > importLimits.maxAssetRows) {
    throw new ImportFileError('import.file.too_many_rows', { count, limit: importLimits.maxAssetRows });
  }
  const records = parsed.map(({ line, values }): SourceRecord => ({ row: line, properties: values, geometry: null }));
  return { columns, records, delimiter };
}

function countOccurrences(text: string, needle: string, from = 0, to = text.length): number {
  let count = 0;
  for (let at = text.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = text.indexOf(needle, at + needle.length)) {
    count += 1;
  }
  return count;
}
