import { describe, expect, it } from 'vitest';
import { parseWkt } from './wktGeometry';

describe('reading WKT', () => {
  it('reads a point, a line and a polygon with a hole', () => {
    expect(parseWkt('POINT (4.49 52.16)')).toEqual({ type: 'Point', coordinates: [4.49, 52.16] });
    expect(parseWkt('linestring(4.48 52.15,4.49 52.16)')).toEqual({
      type: 'LineString',
      coordinates: [
        [4.48, 52.15],
        [4.49, 52.16],
      ],
    });
    expect(parseWkt('POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    });
  });

  it('reads the MULTI forms, multipoints written both ways', () => {
    expect(parseWkt('MULTIPOINT (1 2, 3 4)')).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))')).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseWkt('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))')).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [2, 2],
            [3, 2],
            [3, 3],
            [2, 2],
          ],
        ],
      ],
    });
  });

  it('drops Z and M values and an EWKT SRID prefix', () => {
    expect(parseWkt('SRID=28992;POINT Z (94000 463000 2.5)')).toEqual({ type: 'Point', coordinates: [94000, 463000] });
    expect(parseWkt('LINESTRING ZM (1 2 3 4, 5 6 7 8)')).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [5, 6],
      ],
    });
    expect(parseWkt('POINT (-1.5e2 +.5)')).toEqual({ type: 'Point', coordinates: [-150, 0.5] });
  });

  it.each([
    'POINT EMPTY',
    'POINT (4.49)',
    'POINT (4.49 52.16, 4.50 52.17)',
    'POINT (4,49 52,16)',
    'LINESTRING (1 2, 3 4',
    'LINESTRING (1 2, 3 4))',
    'POLYGON (1 2, 3 4)',
    'CIRCLE (1 2)',
    'GEOMETRYCOLLECTION (POINT (1 2))',
    '52.16, 4.49',
    '',
  ])('gives null for %j', (text) => {
    expect(parseWkt(text)).toBeNull();
  });
});
