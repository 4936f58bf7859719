import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText } from './csvText';

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
const cellsSplitOn = (text: string, delimiter: string) => Papa.parse<string[]>(withoutBom(text), { delimiter }).data.flat();
const plainNumber = /^-?\d+([.,]\d+)?$/;

describe('CSV text', () => {
  it('quotes every text cell and leaves numbers and empty cells bare', () => {
    expect(csvText(['name', 'count', 'share', 'note'], [{ name: 'Buurthuis', count: 4.5, share: '0.2500', note: null }])).toBe(
      '\uFEFF"name","count","share","note"\r\n"Buurthuis",4.5,"0.2500",',
    );
  });

  // Dutch Excel splits a comma file on ';': an unquoted "Buurthuis;=1+1;" would give it a cell "=1+1".
  it.each([',', ';'])('split on "%s", no cell starts a formula', (delimiter) => {
    const text = csvText(
      ['name', 'description', 'count'],
      [
        { name: 'Buurthuis;=1+1;', description: '-2,+3;@SUM(A1)', count: -4 },
        { name: '=HYPERLINK("http://x");x', description: 'a,=1+1\t;\r+1', count: 7 },
      ],
    );
    const formulas = cellsSplitOn(text, delimiter).filter((cell) => /^[=+\-@\t\r]/.test(cell) && !plainNumber.test(cell));
    expect(formulas).toEqual([]);
  });

  it('keeps a name with separators and a formula in it as one cell', () => {
    const text = csvText(['name', 'count'], [{ name: 'Buurthuis;=1+1;', count: 1 }]);
    expect(Papa.parse<Record<string, string>>(withoutBom(text), { header: true }).data).toEqual([{ name: 'Buurthuis;=1+1;', count: '1' }]);
  });
});
