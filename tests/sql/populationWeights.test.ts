/**
 * Dasymetric spreading (supabase/schemas/08_population.sql), on both engines:
 * population weights (dwellings per area, buildings as points) decide where an
 * area's residents go; every area loaded is spread again when weights come in,
 * each to exactly its count; an area without weights stays spread by area.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import { refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { claimsOf, type Actor } from '../support/roleCast';
import { boxGeometry } from '../support/werkgebiedFixtures';

const engines = sqlEngines(inject('sqlSetup'));
// Three postcode areas of about 1 km² side by side, west to east.
const west = boxGeometry([5.5, 52.0, 5.515, 52.009]);
const middle = boxGeometry([5.52, 52.0, 5.535, 52.009]);
const east = boxGeometry([5.54, 52.0, 5.555, 52.009]);

describe.each(engines)('population weights on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  const number = async (sql: string, parameters: unknown[] = []) =>
    (await database.connection.query<{ n: number }>(`select (${sql})::float8 as n`, parameters)).rows[0]!.n;
  /** Residents of the cells whose centre lies in a box [west, south, east, north] (WGS84). */
  const residentsIn = (box: [number, number, number, number]) =>
    number(
      `select coalesce(sum(residents), 0) from public.population_cells
       where extensions.st_intersects(extensions.st_transform(extensions.st_makeenvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326), 28992), centre)`,
      box,
    );

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    await as('administrator').importAreaPopulation({
      source: 'pc4',
      attribution: 'CBS',
      rows: [
        { row: 1, code: '9991', name: '9991', geometry: west, residents: 1_000, residents_65plus: 200 },
        { row: 2, code: '9992', name: '9992', geometry: middle, residents: 300, residents_65plus: 30 },
        { row: 3, code: '9993', name: '9993', geometry: east, residents: 500, residents_65plus: 50 },
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('spreading by weights', () => {
    it('spreads by area until weights come in', async () => {
      expect(await number("select count(*) from public.population_cells where spreading = 'area'")).toBe(
        await number('select count(*) from public.population_cells'),
      );
      // The western half of 9991 holds about half its residents.
      expect(await residentsIn([5.5, 52.0, 5.5075, 52.009])).toBeGreaterThan(400);
      expect(await residentsIn([5.5, 52.0, 5.5075, 52.009])).toBeLessThan(600);
    });

    it('previews without a trace', async () => {
      const before = await number('select sum(residents * 1000 + residents_65plus) from public.population_cells');
      const report = await as('administrator').importPopulationWeights({
        source: 'woningen',
        attribution: 'CBS',
        dryRun: true,
        rows: [{ row: 1, geometry: boxGeometry([5.5, 52.0, 5.5075, 52.009]), weight: 900 }],
      });
      expect(report).toMatchObject({ dry_run: true, added: 1, weight_total: 900, sources_respread: 1, rows: [{ row: 1, action: 'add' }] });
      expect(await number('select count(*) from public.population_weights')).toBe(0);
      expect(await number('select sum(residents * 1000 + residents_65plus) from public.population_cells')).toBe(before);
    });

    it('sends residents where the dwellings are, each area to exactly its count', async () => {
      const report = await as('administrator').importPopulationWeights({
        source: 'woningen',
        attribution: 'CBS',
        rows: [
          // 9991: 900 dwellings in its western half, 100 in its eastern half.
          { row: 1, geometry: boxGeometry([5.5, 52.0, 5.5075, 52.009]), weight: 900 },
          { row: 2, geometry: boxGeometry([5.5075, 52.0, 5.515, 52.009]), weight: 100 },
        ],
      });
      expect(report).toMatchObject({ dry_run: false, added: 2, weight_total: 1000, residents_before: 1800, residents_after: 1800 });
      const westHalf = await residentsIn([5.5, 52.0, 5.5075, 52.009]);
      expect(westHalf).toBeGreaterThan(850);
      expect(westHalf).toBeLessThan(950);
      expect(await residentsIn([5.499, 51.999, 5.516, 52.01])).toBe(1_000);
    });

    it('gives a point its whole weight: three buildings take all of their area', async () => {
      const buildings = [
        [5.522, 52.002],
        [5.528, 52.005],
        [5.533, 52.007],
      ] as const;
      await as('administrator').importPopulationWeights({
        source: 'gebouwen',
        attribution: 'OpenStreetMap',
        rows: buildings.map(([lon, lat], index) => ({
          row: index + 1,
          geometry: { type: 'Point' as const, coordinates: [lon, lat] },
          weight: 1,
        })),
      });
      const { rows } = await database.connection.query<{ residents: number }>(
        `select residents from public.population_cells c
         where extensions.st_intersects(extensions.st_transform(extensions.st_setsrid($1::extensions.geometry, 4326), 28992), c.geom) and residents > 0 order by residents`,
        [`SRID=4326;${'POLYGON((5.52 52.0,5.535 52.0,5.535 52.009,5.52 52.009,5.52 52.0))'}`],
      );
      expect(rows.map((row) => row.residents)).toEqual([100, 100, 100]);
      // The first source's weights still hold for 9991, and 9993 (east, cells at its edge included) has none: by area, as before.
      expect(await residentsIn([5.5, 52.0, 5.5075, 52.009])).toBeGreaterThan(850);
      expect(await number("select count(*) from public.population_cells where spreading = 'area'")).toBeGreaterThan(0);
      expect(
        await number(
          `select count(*) from public.population_cells
           where spreading = 'area' and not extensions.st_intersects(extensions.st_transform(extensions.st_makeenvelope(5.539, 51.999, 5.556, 52.01, 4326), 28992), centre)`,
        ),
      ).toBe(0);
      const byWeights = await number("select count(*) from public.population_cells where spreading = 'weights'");
      expect(byWeights).toBeGreaterThan(0);
      expect((await as('anon').populationSummary()).cells_by_weights).toBe(byWeights);
      // The planner's cells say how many follow the weights, so it can say which method its figures rest on.
      expect((await as('anon').coverageCells({ targets: ['any'] })).cells_by_weights).toBe(byWeights);
    });

    it('keeps a building outline, smaller than a cell, as a point inside it, so a cell it lies in gets its residents', async () => {
      // One building of about 20 × 20 m in 9992, well inside one cell: as an outline, the cell's
      // density would be read at one point of the cell and most likely miss it.
      const building = boxGeometry([5.5283, 52.0051, 5.5286, 52.0053]);
      await as('administrator').importPopulationWeights({
        source: 'gebouwen',
        attribution: 'OpenStreetMap',
        rows: [{ row: 1, geometry: building, weight: 1 }],
      });
      expect(
        await number(
          "select count(*) from public.population_weights where source = 'gebouwen' and extensions.geometrytype(geom) = 'POINT'",
        ),
      ).toBe(1);
      const { rows } = await database.connection.query<{ residents: number; inside: boolean }>(
        `select residents, extensions.st_intersects(geom, extensions.st_transform(extensions.st_setsrid($1::extensions.geometry, 4326), 28992)) as inside
         from public.population_cells where residents > 0 and extensions.st_intersects(extensions.st_transform(extensions.st_makeenvelope(5.52, 52.0, 5.535, 52.009, 4326), 28992), centre)`,
        ['SRID=4326;POINT(5.52845 52.0052)'],
      );
      expect(rows).toEqual([{ residents: 300, inside: true }]);
    });

    it('replaces a source when it comes again', async () => {
      await as('administrator').importPopulationWeights({
        source: 'woningen',
        attribution: 'CBS',
        rows: [{ row: 1, geometry: boxGeometry([5.5075, 52.0, 5.515, 52.009]), weight: 10 }],
      });
      expect(await number("select count(*) from public.population_weights where source = 'woningen'")).toBe(1);
      // Now all of 9991's dwellings are in its eastern half.
      expect(await residentsIn([5.5, 52.0, 5.5065, 52.009])).toBe(0);
    });

    it('refuses anyone but an administrator, and a weight below 0', async () => {
      const row = { row: 1, geometry: west, weight: 1 };
      expect((await refusal(as('resident').importPopulationWeights({ source: 'x', attribution: null, rows: [row] }))).kind).toBe(
        'forbidden',
      );
      expect(
        await refusal(as('administrator').importPopulationWeights({ source: 'x', attribution: null, rows: [{ ...row, weight: -1 }] })),
      ).toMatchObject({ kind: 'invalid_argument', detail: 'weights' });
      // A row without a weight, or with too large a one, is refused too, not let through.
      for (const bad of [
        { row: 1, geometry: west },
        { ...row, weight: 2_000_000 },
      ] as unknown as (typeof row)[]) {
        expect(await refusal(as('administrator').importPopulationWeights({ source: 'x', attribution: null, rows: [bad] }))).toMatchObject({
          kind: 'invalid_argument',
          detail: 'weights',
        });
      }
    });

    it('spreads again in the order the areas came, and keeps when they came', async () => {
      const came = () =>
        database.connection.query<{ code: string; at: string }>(
          'select code, imported_at::text as at from public.area_population order by code',
        );
      const before = (await came()).rows;
      await as('administrator').importPopulationWeights({
        source: 'woningen',
        attribution: 'CBS',
        rows: [{ row: 1, geometry: boxGeometry([5.5, 52.0, 5.5075, 52.009]), weight: 10 }],
      });
      expect((await came()).rows).toEqual(before);
    });

    it('adds no cell a CBS grid left out when it spreads again', async () => {
      // Three cells in a row in 9991; the grid counts the outer two, so the one between (inside its
      // outline, not listed: empty) goes, and spreading 9991 again by weights must not bring it back.
      const { rows } = await database.connection.query<{ x: number; y: number }>(
        `select substr(cell_id, 2, 4)::int as x, substr(cell_id, 7, 4)::int as y from public.population_cells
         where extensions.st_intersects(extensions.st_transform(extensions.st_makeenvelope(5.501, 52.002, 5.506, 52.007, 4326), 28992), centre)
         order by cell_id limit 1`,
      );
      const { x, y } = rows[0]!;
      const id = (dx: number) => `E${String(x + dx).padStart(4, '0')}N${String(y).padStart(4, '0')}`;
      await as('administrator').importPopulationCells({
        source: 'cbs-grid',
        attribution: 'CBS',
        rows: [
          { row: 1, cell_id: id(0), residents: 40, residents_65plus: 5 },
          { row: 2, cell_id: id(2), residents: 60, residents_65plus: 10 },
        ],
      });
      const cell = (cellId: string) =>
        number('select coalesce(sum(residents), -1) from public.population_cells where cell_id = $1', [cellId]);
      expect(await cell(id(1))).toBe(-1);
      await as('administrator').importPopulationWeights({
        source: 'woningen',
        attribution: 'CBS',
        rows: [{ row: 1, geometry: west, weight: 10 }],
      });
      expect(await cell(id(1))).toBe(-1);
      expect([await cell(id(0)), await cell(id(2))]).toEqual([40, 60]);
    });

    it('counts a point on a grid line in one cell only, the one east of it', async () => {
      // A point exactly on a 100 m line cannot be hit through the API's WGS84 coordinates, so it goes in
      // as the database's own RD coordinates: on the line x = a multiple of 100, halfway up a cell.
      const { rows } = await database.connection.query<{ x: number; y: number }>(
        `with line as (
           select round(extensions.st_x(p) / 100) * 100 as x, floor(extensions.st_y(p) / 100) * 100 + 50 as y
           from (select extensions.st_transform(extensions.st_setsrid(extensions.st_point(5.5975, 52.0045), 4326), 28992) as p) rd
         ), added as (
           insert into public.population_weights (source, geom, weight, attribution)
           select 'grid-line', extensions.st_setsrid(extensions.st_point(x, y), 28992), 10, 'test' from line
         )
         select (x / 100)::int as x, ((y - 50) / 100)::int as y from line`,
      );
      const { x, y } = rows[0]!;
      // A new area around it, far from the others, with the point its only weight.
      await as('administrator').importAreaPopulation({
        source: 'pc4-line',
        attribution: 'CBS',
        rows: [
          { row: 1, code: '9994', name: '9994', geometry: boxGeometry([5.59, 52.0, 5.605, 52.009]), residents: 100, residents_65plus: 10 },
        ],
      });
      const cell = (dx: number) =>
        number('select coalesce(sum(residents), 0) from public.population_cells where cell_id = $1', [
          `E${String(x + dx).padStart(4, '0')}N${String(y).padStart(4, '0')}`,
        ]);
      // Counted in both, the two cells would share the residents half and half.
      expect([await cell(-1), await cell(0)]).toEqual([0, 100]);
    });
  });
});
