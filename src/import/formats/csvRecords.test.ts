import { describe, expect, it } from 'vitest';
import { fileErrorOf, fixtureBytes as fixture } from '../../../tests/support/importFixtures';
import { importLimits } from '../limits';
import { readText } from '../readText';
import { readCsvRecords } from './csvRecords';

describe('reading a CSV file', () => {
  it('reads a semicolon file as Dutch Excel writes it, keeping decimal commas as text', () => {
    const { columns, records, delimiter } = readCsvRecords(fixture('places.csv').toString('utf8'));
    expect(delimiter).toBe(';');
    expect(columns).toEqual(['naam', 'categorie', 'breedtegraad', 'lengtegraad', 'waarom', 'id']);
    expect(records.map((record) => record.row)).toEqual([2, 3, 4, 5]);
    expect(records[1]!.properties).toMatchObject({ naam: 'Koffiehoek Noord', categorie: 'Ontmoetingsplek', breedtegraad: '52,1701' });
    expect(records[2]!.properties.waarom).toBe('Voetbal; hockey en tennis');
    expect(records.every((record) => record.geometry === null)).toBe(true);
  });

  it('reads a comma file with quoted WKT', () => {
    const { records, delimiter } = readCsvRecords(fixture('places_wkt.csv').toString('utf8'));
    expect(delimiter).toBe(',');
    expect(records[0]!.properties.wkt).toMatch(/^LINESTRING \(4\.4830 52\.1560, /);
  });

  it('numbers rows by the line they start on, past blank lines and line breaks inside quotes', () => {
    const text = 'naam;adres\r\n\r\n"Buurthuis\r\nDe Kooi";Kooilaan 1\r\n ; \r\nBibliotheek;Nieuwstraat 4';
    const { records } = readCsvRecords(text);
    expect(records.map((record) => [record.row, record.properties.naam])).toEqual([
      [3, 'Buurthuis\r\nDe Kooi'],
      [6, 'Bibliotheek'],
    ]);
  });

  it('trims header names', () => {
    expect(readCsvRecords(' naam ; categorie \nA;park\n').columns).toEqual(['naam', 'categorie']);
  });

  it('reads a file with one column, whose delimiter cannot be told', () => {
    const { columns, records } = readCsvRecords('naam\nBuurthuis\nBibliotheek\n');
    expect(columns).toEqual(['naam']);
    expect(records.map((record) => record.properties.naam)).toEqual(['Buurthuis', 'Bibliotheek']);
  });

  it('refuses an empty file and a file with only a header', () => {
    expect(fileErrorOf(() => readCsvRecords('')).key).toBe('import.file.empty');
    expect(fileErrorOf(() => readCsvRecords('naam;categorie\n\n')).key).toBe('import.file.empty');
  });

  // How fast the refusal is (without parsing the rest) is measured in `npm run bench:import`;
  // the limit here only keeps a loaded CI machine (5 s took it once) from failing a correct refusal.
  it('refuses 100 000 rows, saying how many', { timeout: 60_000 }, () => {
    const text = 'naam;breedtegraad;lengtegraad\n' + 'Bankje;52,16;4,49\n'.repeat(100_000);
    const error = fileErrorOf(() => readCsvRecords(text));
    expect(error.key).toBe('import.file.too_many_rows');
    expect(error.params).toEqual({ count: 100_000, limit: importLimits.maxAssetRows });
  });

  it('refuses a Windows-1252 file before parsing it, as not UTF-8', async () => {
    const bytes = new Uint8Array(fixture('windows1252.csv'));
    await expect(readText(bytes)).rejects.toMatchObject({ key: 'import.file.not_utf8', params: { line: 2 } });
  });
  it('refuses a file with a quote that is never closed, pointing at its line, instead of losing the rows after it', () => {
    const error = fileErrorOf(() => readCsvRecords('naam,lat\nA,1\n"B,2\nC,3\nD,4\n'));
    expect(error).toMatchObject({ key: 'import.file.broken_csv', params: { line: 3 } });
    expect(readCsvRecords('naam,lat\nA,1\n"B ""x""",2\nC,3\n').records).toHaveLength(3);
  });
});
