import { describe, expect, it } from 'vitest';
import { linksCsv } from './linkExports';

describe('linksCsv', () => {
  it('writes a row per connection with both places (quoted, with a BOM for spreadsheets, as csvText does)', () => {
    const csv = linksCsv([
      {
        id: 'l1',
        kind: 'meets_at',
        from_id: 'a',
        from_name: 'Cirkel van Truus',
        from_category: 'cirkel',
        to_id: 'b',
        to_name: 'Sportcentrum "De Zijl", Leiden',
        to_category: 'sportclub',
        created_at: '2026-12-03T10:00:00Z',
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF"kind","from_id","from_name","from_category","to_id","to_name","to_category","created_at"',
      '"meets_at","a","Cirkel van Truus","cirkel","b","Sportcentrum ""De Zijl"", Leiden","sportclub","2026-12-03T10:00:00Z"',
    ]);
  });
});
