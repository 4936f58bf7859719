import { describe, expect, it } from 'vitest';
import { detectFormat } from '../importSources';
import { areaPopulationPlan, areasWithPopulationPlan, populationGridPlan } from './cbsPopulation';

const square = (x: number, y: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const collection = (features: Array<{ properties: Record<string, unknown>; geometry: unknown }>, crs?: string) =>
  JSON.stringify({
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: features.map((feature) => ({ type: 'Feature', ...feature })),
  });
const leidenSquare = square(4.49, 52.16, 0.01);

describe('CBS population files', () => {
  it('are told apart from boundary files and from each other', () => {
    const pc4 = collection([{ properties: { postcode: 2311, inwoners: 100, inw_65_69: 5 }, geometry: leidenSquare }]);
    const grid = collection([{ properties: { crs28992res100m: 'E0930N4630', aantal_inwoners: 5 }, geometry: square(93000, 463000, 100) }]);
    const boundaries = collection([{ properties: { statcode: 'BU05460000', statnaam: 'Pieterswijk' }, geometry: leidenSquare }]);
    expect(detectFormat('pc4.geojson', pc4)).toBe('cbs-population');
    expect(detectFormat('vk100.geojson', grid)).toBe('cbs-grid');
    expect(detectFormat('buurten.geojson', boundaries)).toBe('cbs-areas');
    // Wijken or buurten with key figures bring both: their boundaries and their residents.
    const wijken = collection([
      { properties: { code: 'WK054608', name: 'Merenwijk', population: 14085, pop_65plus: 22 }, geometry: leidenSquare },
    ]);
    expect(detectFormat('wijken.geojson', wijken)).toBe('cbs-areas-population');
  });

  it("keep a wijk's level and gemeente next to its residents when they bring both", () => {
    const wijken = collection([
      { properties: { code: 'WK054608', name: 'Merenwijk', population: 14085, pop_65plus: 22 }, geometry: leidenSquare },
    ]);
    const plan = areasWithPopulationPlan(wijken);
    expect(plan.target).toBe('areas-population');
    expect(plan.rows[0]).toMatchObject({
      code: 'WK054608',
      name: 'Merenwijk',
      level: 'wijk',
      parent_code: 'GM0546',
      residents: 14085,
      residents_65plus: Math.round(14085 * 0.22),
    });
  });

  it('take 65+ from a count, else from the age bands, else from a percentage', () => {
    const plan = areaPopulationPlan(
      collection([
        { properties: { postcode: 2311, inwoners: 1000, inw_65plus_sum: 150, inw_65_69: 1 }, geometry: leidenSquare },
        {
          properties: { postcode: 2312, inwoners: 1000, inw_60_64: 99, inw_65_69: 40, inw_70_74: 30, inw_95_plus: 5 },
          geometry: leidenSquare,
        },
        { properties: { code: 'WK054600', name: 'Binnenstad-Zuid', population: 8425, pop_65plus: 9.0 }, geometry: leidenSquare },
      ]),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.rows[1]!.age_bands).toEqual({ '60_64': 99, '65_69': 40, '70_74': 30, '95_plus': 5 });
    expect(plan.rows[2]!.age_bands).toBeUndefined();
    expect(plan.rows.map((row) => [row.code, row.residents, row.residents_65plus])).toEqual([
      ['2311', 1000, 150],
      ['2312', 1000, 75],
      ['WK054600', 8425, 758],
    ]);
  });

  it('treat CBS secret codes as unknown, never as 0, and refuse rows without residents', () => {
    const plan = areaPopulationPlan(
      collection([
        { properties: { postcode: 2311, inwoners: -99997, inw_65plus_sum: -99997 }, geometry: leidenSquare },
        { properties: { postcode: 2312, inwoners: 500, inw_65_69: 10, inw_70_74: -99997 }, geometry: leidenSquare },
        { properties: { postcode: 2313, inw_65plus_sum: 10 }, geometry: leidenSquare },
        { properties: { postcode: 2314, inwoners: 10, inw_65plus_sum: 20 }, geometry: leidenSquare },
      ]),
    );
    expect(plan.rows.map((row) => [row.code, row.residents, row.residents_65plus])).toEqual([
      ['2311', null, null],
      ['2312', 500, null],
    ]);
    expect(plan.issues.map((issue) => [issue.row, issue.key])).toEqual([
      [3, 'import.row.no_residents'],
      [4, 'import.row.more_65plus_than_residents'],
    ]);
  });

  it('read grid cells by id, or by their RD New corner when the id is missing, with secret counts as null', () => {
    const plan = populationGridPlan(
      collection(
        [
          {
            properties: { crs28992res100m: 'E0930N4630', aantal_inwoners: 45, aantal_inwoners_65_jaar_en_ouder: -99997 },
            geometry: square(93000, 463000, 100),
          },
          { properties: { c28992r100: 'E931N4630', INWONER: 20, INW_65PL: 5 }, geometry: null },
          { properties: { aantal_inwoners: 10, aantal_inwoners_65_jaar_en_ouder: 2 }, geometry: square(93200, 463000, 100) },
          { properties: { crs28992res100m: 'E0930N4630', aantal_inwoners: 1 }, geometry: null },
        ],
        'urn:ogc:def:crs:EPSG::28992',
      ),
    );
    expect(plan.rows).toEqual([
      { row: 1, cell_id: 'E0930N4630', residents: 45, residents_65plus: null },
      { row: 2, cell_id: 'E0931N4630', residents: 20, residents_65plus: 5 },
      { row: 3, cell_id: 'E0932N4630', residents: 10, residents_65plus: 2 },
    ]);
    expect(plan.issues).toEqual([
      expect.objectContaining({ row: 4, key: 'import.row.duplicate_id', params: { id: 'E0930N4630', first: 1 } }),
    ]);
  });
});
