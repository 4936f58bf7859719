import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../types';
import { readTargetGroupMembers } from './targetGroupMembers';

describe("a programme's members file", () => {
  it('reads a Dutch CSV: PC4 and PC6 with spaces, counts as numbers, the file line of each row', () => {
    const rows = readTargetGroupMembers('Postcode;Aantal\n2317;140\n2317 ab;3\n2312; 25\n', 'leden.csv');
    expect(rows).toEqual([
      { row: 2, postcode: '2317', members: '140' },
      { row: 3, postcode: '2317AB', members: '3' },
      { row: 4, postcode: '2312', members: '25' },
    ]);
  });

  it('passes a count on as written, so SQL refuses "veel" and a Dutch "1.000" with their rows instead of reading 1', () => {
    const rows = readTargetGroupMembers('postcode;leden\n2317;veel\n2318;1.000\n', 'leden.csv');
    expect(rows.map((row) => row.members)).toEqual(['veel', '1.000']);
  });

  it('reads GeoJSON postcode areas with a count, keeping the shape; a number postcode as R writes it', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [4.5, 52.1],
          [4.51, 52.1],
          [4.51, 52.11],
          [4.5, 52.1],
        ],
      ],
    };
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { postcode: 2317.0, aantal_leden: 12 }, geometry: square }],
    });
    expect(readTargetGroupMembers(text, 'leden.geojson')).toEqual([{ row: 1, postcode: '2317', members: 12, geometry: square }]);
  });

  it('refuses a file without a postcode and a count column, in Dutch', () => {
    expect(() => readTargetGroupMembers('naam;adres\nJan;Dorpsstraat 1\n', 'leden.csv')).toThrow(ImportFileError);
    try {
      readTargetGroupMembers('naam;adres\nJan;Dorpsstraat 1\n', 'leden.csv');
    } catch (error) {
      expect((error as ImportFileError).key).toBe('targetGroups.file_columns');
    }
  });
});
