import { describe, expect, it } from 'vitest';
import type { AssetImportRow } from '../backend/wireTypes';
import { checkAssetRow } from './checkRow';

const row = (category: string): AssetImportRow => ({
  row: 4,
  kind: 'place',
  category,
  name: 'Cirkel van Ans',
  geometry: { type: 'Point', coordinates: [4.49, 52.16] },
});

describe('checkAssetRow', () => {
  // The database refuses it too; the preview says why before anything is sent.
  it('refuses a circle in a file: its key person adds it, with consent', () => {
    expect(checkAssetRow(row('cirkel')).map((issue) => [issue.row, issue.severity, issue.key])).toEqual([
      [4, 'error', 'import.row.circle'],
    ]);
    expect(checkAssetRow(row('ontmoetingsplek'))).toEqual([]);
  });
});
