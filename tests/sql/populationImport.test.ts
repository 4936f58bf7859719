/**
 * Population through the import framework, from the file to the coverage
 * tables, on both engines: Leiden's real PC4 file with age bands (spread over
 * estimated 100 m cells), Leiden's buurten arriving afterwards (cells get their
 * buurt), the wijken key figures (65+ from a percentage), and a hand-made
 * fragment of the CBS 100 m grid with secret counts, which replaces the
 * estimates where it lies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { ApiError } from '../../src/backend/apiError';
import { localUserClaims } from '../../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import { toWgs84 } from '../../src/import/crs';
import { detectFormat, planFromText } from '../../src/import/importSources';
import { commitImport, previewImport } from '../../src/import/runImport';
import type { Polygon } from 'geojson';
import type { AreaImportRow } from '../../src/backend/wireTypes';
import type { ImportPlan } from '../../src/import/types';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { boxGeometry } from '../support/werkgebiedFixtures';
import { fixtureText } from '../support/importFixtures';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';

const leiden = (name: string) => join(sharedDataDirectory, 'leiden', name);
const pc4File = leiden('cbs_pc4_leiden_2021_leeftijd.geojson');
const buurtenFile = leiden('cbs_buurten_leiden_2024_gegeneraliseerd.geojson');
const wijkenFile = leiden('cbs_wijken_leiden_2022_kwb.geojson');
const missingLeiden = requirementMissing(
  `Leiden CBS files in ${join(sharedDataDirectory, 'leiden')}`,
  [pc4File, buurtenFile, wijkenFile].every(existsSync),
);

const engines = sqlEngines(inject('sqlSetup'));

function planOf(fileName: string, text: string): ImportPlan {
  return planFromText(detectFormat(fileName, text), text, { fileName, categories: [] });
}

describe.each(engines)('population imports on $name', ({ skip, open }) => {
  let database: TestDatabase;
  let api: WijkkrachtApi;
  const count = async (sql: string) => (await database.connection.query<{ n: number }>(`select (${sql})::float8 as n`)).rows[0]!.n;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    api = createApi(createSqlRpcCall(database.connection, () => localUserClaims('00000000-0000-4000-8000-0000000c0013')));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip || missingLeiden)('Leiden, from the PC4 age bands', () => {
    let report: Awaited<ReturnType<typeof commitImport>> & Record<string, number>;

    beforeAll(async () => {
      const plan = planOf('cbs_pc4_leiden_2021_leeftijd.geojson', readFileSync(pc4File, 'utf8'));
      expect(plan.target).toBe('area-population');
      const preview = await previewImport(api, plan);
      expect(await count('select count(*) from public.population_cells')).toBe(0);
      expect(await count('select count(*) from public.area_population')).toBe(0);
      report = (await commitImport(api, plan)) as typeof report;
      expect({ ...preview, dry_run: false }).toEqual(report);
    }, 120_000);

    it('spreads 124 090 residents and 19 625 aged 65+ over estimated cells, whole residents, each area exactly its count', async () => {
      expect(report.residents_in).toBe(124_090);
      expect(report.residents_65plus_in).toBe(19_625);
      const cells = await count('select count(*) from public.population_cells');
      expect(report.added).toBe(cells);
      // Leiden's PC4 areas cover ~23 km²: some 2 300 cells, plus the partial ones along the edges.
      expect(cells).toBeGreaterThan(2300);
      expect(await count('select count(*) from public.population_cells where not estimated')).toBe(0);
      // No rounding drift: what came in is what the cells hold, and the report says both.
      expect(await count('select sum(residents) from public.population_cells')).toBe(124_090);
      expect(await count('select sum(residents_65plus) from public.population_cells')).toBe(19_625);
      expect(report).toMatchObject({ residents_spread: 124_090, residents_landed: 124_090, residents_65plus_landed: 19_625 });
    });

    it('keeps the counts per postcode area with their age bands, next to the cells spread from them', async () => {
      const { rows } = await database.connection.query<{ areas: number; residents: number; band: number; bands: number }>(
        `select count(*)::int as areas, sum(residents)::int as residents,
                max((age_bands ->> '65_69')::int) filter (where code = '2311') as band,
                max((select count(*) from jsonb_object_keys(age_bands)))::int as bands
         from public.area_population where source = 'cbs-population'`,
      );
      // 2311: 415 residents aged 65–69; 20 bands, 0–4 … 90–94 and 95+ (not the 65+ sum).
      expect(rows[0]).toEqual({ areas: 16, residents: 124_090, band: 415, bands: 20 });
    });

    it('names cells the CBS way: the RD corner in hectometres, four digits each', async () => {
      expect(
        await count(`select count(*) from public.population_cells
                     where cell_id <> format('E%sN%s', lpad(((extensions.st_xmin(geom) / 100)::int)::text, 4, '0'),
                                                        lpad(((extensions.st_ymin(geom) / 100)::int)::text, 4, '0'))`),
      ).toBe(0);
    });

    it('gives cells their buurt when the buurten arrive afterwards', async () => {
      expect(await count('select count(*) from public.population_cells where buurt_code is not null')).toBe(0);
      await commitImport(api, planOf('cbs_buurten_leiden_2024_gegeneraliseerd.geojson', readFileSync(buurtenFile, 'utf8')));
      const perBuurt = await api.coverageByBuurt({ target: 'any', distance: 500 });
      const named = perBuurt.filter((buurt) => buurt.buurt_code !== null);
      // Most of Leiden's 54 buurten hold a cell centre; cells outside every buurt keep none.
      expect(named.length).toBeGreaterThan(45);
      expect(named.every((buurt) => /^BU0546\d{4}$/.test(buurt.buurt_code!))).toBe(true);
      const inBuurten = named.reduce((sum, buurt) => sum + buurt.residents, 0);
      expect(inBuurten / 124_090).toBeGreaterThan(0.9);
    });

    it('re-importing the same file changes nothing', async () => {
      const again = await previewImport(api, planOf('cbs_pc4_leiden_2021_leeftijd.geojson', readFileSync(pc4File, 'utf8')));
      expect(again.added).toBe(0);
      expect(again.updated).toBe(0);
      expect(again.unchanged).toBe(report.added);
      expect(new Set(again.rows.map((row) => row.action))).toEqual(new Set(['unchanged']));
    });

    it('answers "what if" for the headline figures as the per-buurt figures add up', async () => {
      const candidates = [{ type: 'Point' as const, coordinates: [4.4931, 52.1601] as [number, number] }];
      const before = await api.coverage({ target: 'any', distance: 400 });
      const after = await api.coverage({ target: 'any', distance: 400, candidates });
      expect(before.residents_covered).toBe(0);
      expect(after.residents_covered).toBeGreaterThan(0);
      const perBuurt = await api.coverageByBuurt({ target: 'any', distance: 400, candidates });
      expect(perBuurt.reduce((sum, buurt) => sum + buurt.residents_covered, 0)).toBe(after.residents_covered);
      // Nothing was written.
      expect((await api.coverage({ target: 'any', distance: 400 })).residents_covered).toBe(0);
    });
  });

  describe.skipIf(skip || missingLeiden)('Leiden, when a buurt boundary moves', () => {
    it('lets cells whose centre is no longer in their buurt go of its code', async () => {
      const buurtenPlan = planOf('cbs_buurten_leiden_2024_gegeneraliseerd.geojson', readFileSync(buurtenFile, 'utf8'));
      const pieterswijk = buurtenPlan.rows.find((row) => 'code' in row && row.code === 'BU05460000') as AreaImportRow;
      expect(await count(`select count(*) from public.population_cells where buurt_code = 'BU05460000'`)).toBeGreaterThan(5);
      // The buurt shrinks to a 20 m square at one of its corners.
      const [lon, lat] = (
        pieterswijk.geometry.type === 'Polygon' ? pieterswijk.geometry.coordinates[0]![0]! : pieterswijk.geometry.coordinates[0]![0]![0]!
      ) as [number, number];
      const d = 0.0002;
      const square: Polygon = {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + d, lat],
            [lon + d, lat + d],
            [lon, lat + d],
            [lon, lat],
          ],
        ],
      };
      await api.importAreas({ source: buurtenPlan.source, attribution: null, rows: [{ ...pieterswijk, geometry: square }] });
      expect(await count(`select count(*) from public.population_cells where buurt_code = 'BU05460000'`)).toBe(0);
    });
  });

  describe.skipIf(skip || missingLeiden)('Leiden wijken key figures', () => {
    it('read 65+ as a share of the residents', () => {
      const plan = planOf('cbs_wijken_leiden_2022_kwb.geojson', readFileSync(wijkenFile, 'utf8'));
      // A wijk file with key figures brings its boundaries too (tests/sql/areasWithPopulation).
      expect(plan.target).toBe('areas-population');
      const binnenstadZuid = plan.rows.find((row) => 'code' in row && row.code === 'WK054600');
      // 8 425 residents, 9 % aged 65+.
      expect(binnenstadZuid).toMatchObject({ residents: 8425, residents_65plus: Math.round(8425 * 0.09) });
    });
  });

  describe.skipIf(skip)('areas with few residents', () => {
    /** A rectangle in RD New [west, south, east, north], as the WGS84 polygon an import brings. */
    const rdBox = (box: [number, number, number, number]) => toWgs84(boxGeometry(box), 'EPSG:28992') as Polygon;

    it('keeps each area at exactly its count in whole residents, also where they are spread thin and cells are shared', async () => {
      // Two areas 330 m and 250 m wide, sharing the cells along their edge (x 150 330): 5 and 7 residents, 2 and 1 aged 65+.
      // Rounded per cell on its own, these 12 residents became 18 (the first area's 5 gave each of its 9 whole cells 0.505).
      const report = await api.importAreaPopulation({
        source: 'dun',
        attribution: null,
        rows: [
          {
            row: 1,
            code: 'DUN-1',
            name: 'Dun 1',
            geometry: rdBox([150_000, 400_000, 150_330, 400_300]),
            residents: 5,
            residents_65plus: 2,
          },
          {
            row: 2,
            code: 'DUN-2',
            name: 'Dun 2',
            geometry: rdBox([150_330, 400_000, 150_580, 400_300]),
            residents: 7,
            residents_65plus: 1,
          },
        ],
      });
      expect(report).toMatchObject({ residents_in: 12, residents_spread: 12, residents_landed: 12, residents_65plus_landed: 3 });
      const inCells = `from public.population_cells where source = 'dun'`;
      expect(await count(`select sum(residents) ${inCells}`)).toBe(12);
      expect(await count(`select sum(residents_65plus) ${inCells}`)).toBe(3);
      expect(await count(`select count(*) ${inCells} and residents <> floor(residents)`)).toBe(0);
      // Every resident is somewhere in the area: nobody is lost to rounding, and no cell holds more than both areas gave it.
      expect(await count(`select max(residents) ${inCells}`)).toBeLessThanOrEqual(2);
    });
  });

  describe.skipIf(skip)('a fragment of the CBS 100 m grid', () => {
    it('stores secret counts as unknown and replaces the estimated cells inside its extent', async () => {
      // An estimated cell under the grid (to be replaced) and one far away (to stay).
      await database.connection.exec(`
        insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus, estimated)
        select id, extensions.st_makeenvelope(x, y, x + 100, y + 100, 28992), extensions.st_setsrid(extensions.st_makepoint(x + 50, y + 50), 28992), 7, 1, true
        from (values ('E0932N4631', 93200, 463100), ('E0990N4700', 99000, 470000)) as c(id, x, y)
        on conflict (cell_id) do nothing`);
      const plan = planOf('cbs_vk100_2023.geojson', fixtureText('cbs_grid_100m.geojson'));
      expect(plan.target).toBe('population-cells');
      const report = await commitImport(api, plan);
      expect(report.rows).toHaveLength(5);
      const { rows } = await database.connection.query<{
        cell_id: string;
        residents: number | null;
        residents_65plus: number | null;
        estimated: boolean;
      }>(
        `select cell_id, residents, residents_65plus, estimated from public.population_cells
         where cell_id in ('E0930N4630', 'E0932N4630', 'E0930N4631', 'E0932N4631', 'E0990N4700') order by cell_id`,
      );
      expect(rows).toEqual([
        { cell_id: 'E0930N4630', residents: 45, residents_65plus: 10, estimated: false },
        { cell_id: 'E0930N4631', residents: 80, residents_65plus: null, estimated: false },
        { cell_id: 'E0932N4630', residents: null, residents_65plus: null, estimated: false },
        { cell_id: 'E0990N4700', residents: 7, residents_65plus: 1, estimated: true },
      ]);
      const figures = await api.coverage({ target: 'any', distance: 2000 });
      expect(figures.cells_unknown).toBeGreaterThanOrEqual(1);
      // E0930N4631 has 80 residents but a secret 65+ count.
      expect(figures.cells_unknown_65plus).toBeGreaterThanOrEqual(figures.cells_unknown + 1);
      const perBuurt = await api.coverageByBuurt({ target: 'any', distance: 2000 });
      const sum = (pick: (row: (typeof perBuurt)[number]) => number) => perBuurt.reduce((total, row) => total + pick(row), 0);
      expect(sum((row) => row.cells_unknown_65plus)).toBe(figures.cells_unknown_65plus);
    });

    it('a newer grid from the same source drops the cells it no longer lists', async () => {
      const plan = planOf('cbs_vk100_2023.geojson', fixtureText('cbs_grid_100m.geojson'));
      const without = { ...plan, rows: plan.rows.filter((row) => 'cell_id' in row && row.cell_id !== 'E0931N4631') } as ImportPlan;
      const report = (await commitImport(api, without)) as Awaited<ReturnType<typeof commitImport>> & { earlier_cells_removed: number };
      expect(report.earlier_cells_removed).toBe(1);
      expect(await count(`select count(*) from public.population_cells where cell_id = 'E0931N4631'`)).toBe(0);
      expect(await count(`select count(*) from public.population_cells where cell_id = 'E0931N4630'`)).toBe(1);
    });

    it('refuses a cell id that is not CBS-shaped, and repeated cells, naming the rows', async () => {
      const send = (rows: unknown[]) => api.importPopulationCells({ source: 'x', attribution: null, rows: rows as never });
      const refusal = await send([
        { row: 1, cell_id: 'E0930N4630', residents: 5 },
        { row: 2, cell_id: 'somewhere', residents: 5 },
      ]).catch((error) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      expect(refusal.kind).toBe('import_refused');
      expect(JSON.parse(refusal.detail)).toEqual([expect.objectContaining({ row: 2, code: 'WKGEO' })]);
      const repeated = await send([
        { row: 1, cell_id: 'E0930N4630', residents: 5 },
        { row: 2, cell_id: 'E0930N4630', residents: 6 },
      ]).catch((error) => error);
      expect(JSON.parse(repeated.detail).map((refused: { row: number }) => refused.row)).toEqual([1, 2]);
    });

    it('lets only administrators import population', async () => {
      const resident = createApi(
        createSqlRpcCall(database.connection, () => ({ sub: '00000000-0000-4000-8000-00000000aaaa', role: 'authenticated' })),
      );
      const refusal = await resident
        .importPopulationCells({
          source: 'x',
          attribution: null,
          rows: [{ row: 1, cell_id: 'E0930N4630', residents: 1, residents_65plus: 0 }],
        })
        .catch((error) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      expect(refusal.kind).toBe('forbidden');
    });
  });
});
