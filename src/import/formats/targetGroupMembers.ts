import type { MultiPolygon, Polygon } from 'geojson';
import type { TargetGroupRow } from '../../backend/wireTypes';
import { ImportFileError, type SourceRecord } from '../types';
import { readCsvRecords } from './csvRecords';
import { readGeoJsonRecords } from './geojsonRecords';

/**
 * A programme's own people per postcode area, as it keeps them: a CSV
 * (`postcode;aantal`, Dutch Excel or not) or GeoJSON postcode areas with a
 * count. Postcodes are PC4 ("2311") or PC6 ("2311 AB"). Only the counts and
 * shapes travel; SQL (public.import_target_group) checks every row again and
 * never shows a count per area back.
 */

const postcodeColumns = ['postcode', 'pc6', 'pc4', 'postcode6', 'postcode4', 'postcodegebied'];
const countColumns = ['aantal', 'leden', 'aantal_leden', 'deelnemers', 'aantal_deelnemers', 'members', 'count', 'n'];
const targetGroupRowLimit = 20_000;

export function readTargetGroupMembers(text: string, fileName: string): TargetGroupRow[] {
  const isJson = /\.(geo)?json$/i.test(fileName) || /^\s*[{[]/.test(text);
  const { columns, records } = isJson ? readGeoJsonRecords(text) : readCsvRecords(text);
  if (records.length > targetGroupRowLimit) {
    throw new ImportFileError('targetGroups.file_too_many_rows', { count: records.length, limit: targetGroupRowLimit });
  }
  const postcode = findColumn(columns, postcodeColumns);
  const count = findColumn(columns, countColumns);
  if (!postcode || !count) throw new ImportFileError('targetGroups.file_columns');
  return records.map((record) => toRow(record, postcode, count));
}

function findColumn(columns: string[], names: string[]): string | undefined {
  return names.map((name) => columns.find((column) => column.toLowerCase() === name)).find(Boolean);
}

function toRow(record: SourceRecord, postcodeColumn: string, countColumn: string): TargetGroupRow {
  const raw = record.properties[postcodeColumn];
  const members = record.properties[countColumn];
  const shape =
    record.geometry?.type === 'Polygon' || record.geometry?.type === 'MultiPolygon' ? (record.geometry as Polygon | MultiPolygon) : null;
  return {
    row: record.row,
    // R and GIS exports write a PC4 as the number 2311 (or 2311.0); SQL checks the form.
    postcode: String(raw ?? '')
      .replace(/\.0$/, '')
      .replace(/\s+/g, '')
      .toUpperCase(),
    // As written: SQL takes only a whole number without separators, and refuses anything else with its row.
    members: typeof members === 'number' ? members : String(members ?? '').trim(),
    ...(shape ? { geometry: shape } : {}),
  };
}
