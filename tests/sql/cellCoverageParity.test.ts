/**
 * The planner answers a slider step in the browser from public.coverage_cells
 * (src/coverage/cellCoverage.ts, gapLayerData.ts). Here, on both engines, its
 * figures must be exactly what the SQL functions say at every step from 0 to
 * 2 000 m: public.coverage, coverage_by_buurt, gap_cells and coverage_curve, for
 * a target, with "what if" candidates, within a werkgebied, and for the radar's
 * dimensions. The town is seeded: 24 × 24 cells with secret, estimated and
 * buurt-less cells, and places of two kinds with dimensions.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CoverageCells, CoverageCurvePoint, CoverageFigures, BuurtCoverage, GapCellCollection } from '../../src/backend/wireTypes';
import { byBuurtAt, curveOf, figuresAt } from '../../src/coverage/cellCoverage';
import { GapSummaries } from '../../src/coverage/gapLayerData';
import { toWgs84 } from '../../src/import/crs';
import { seededRandom } from '../../src/domain/seededRandom';
import { healthDimensions } from '../../src/domain/types';
import { sqlEngines, type TestDatabase } from '../support/engines';

const engines = sqlEngines(inject('sqlSetup'));
const origin = { x: 94_000, y: 464_000 };
const side = 24;
const steps = Array.from({ length: 41 }, (_, index) => index * 50);

describe.each(engines)("the browser's coverage figures equal SQL's on $name", ({ skip, open }) => {
  let database: TestDatabase;
  let werkgebiedId: string;
  const call = async <T>(sql: string, params: unknown[] = []) =>
    (await database.connection.query<{ result: T }>(`select ${sql} as result`, params)).rows[0]!.result;
  const rd = (x: number, y: number) => toWgs84({ type: 'Point', coordinates: [x, y] }, 'EPSG:28992').coordinates as [number, number];

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    // Residents 0..59 per cell; every 7th secret, every 11th 65+ secret alone, every 5th estimated, a stripe without a buurt.
    await database.connection.query(
      `insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus, buurt_code, estimated)
       select format('E%sN%s', x / 100, y / 100), extensions.st_makeenvelope(x, y, x + 100, y + 100, 28992),
              extensions.st_setsrid(extensions.st_makepoint(x + 50, y + 50), 28992),
              case when (x + 3 * y) / 100 % 7 = 0 then null else (x * 7 + y * 13) / 100 % 60 end,
              case when (x + 3 * y) / 100 % 7 = 0 or (x + y) / 100 % 11 = 0 then null else (x + y * 5) / 100 % 12 end,
              case when x < $1::int + 300 then null else 'BU' || ((x - $1::int) / 800)::text || ((y - $2::int) / 800)::text end,
              (x + y) / 100 % 5 = 0
       from generate_series($1::int, $1::int + ($3::int - 1) * 100, 100) x, generate_series($2::int, $2::int + ($3::int - 1) * 100, 100) y`,
      [origin.x, origin.y, side],
    );
    const random = seededRandom(7);
    for (let place = 0; place < 12; place++) {
      const [lon, lat] = rd(origin.x + random() * side * 100, origin.y + random() * side * 100);
      await database.connection.query(
        `insert into public.assets (kind, category, name, geom, dimensions, status)
         values ('place', $1, 'Plek', extensions.st_setsrid(extensions.st_makepoint($2, $3), 4326), $4::public.health_dimension[], 'published')`,
        [place % 3 === 0 ? 'sportclub' : 'buurthuis', lon, lat, place % 2 === 0 ? ['meedoen'] : ['lichaamsfuncties', 'zingeving']],
      );
    }
    // One place on a cell's corner line, so cells lie exactly at 50, 150, 200 … m: a step must count them as covered.
    await database.connection.query(
      `insert into public.assets (kind, category, name, geom, dimensions, status)
       values ('place', 'sportclub', 'Op de rand', extensions.st_transform(extensions.st_setsrid(extensions.st_makepoint($1, $2), 28992), 4326),
               '{zingeving}', 'published')`,
      [origin.x + 1050, origin.y + 1100],
    );
    const { rows } = await database.connection.query<{ id: string }>(
      `insert into public.werkgebieden (name, area_codes, geom)
       values ('Proef', '{PROEF}', extensions.st_multi(extensions.st_transform(extensions.st_makeenvelope($1::int, $2::int, $1::int + 1200, $2::int + 1500, 28992), 4326)))
       returning id`,
      [origin.x + 500, origin.y + 400],
    );
    werkgebiedId = rows[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const questions = [
    { name: 'any place, all cells', target: 'any', candidates: [] as Array<[number, number]>, werkgebied: false },
    {
      name: 'a kind with two "what if" candidates',
      target: 'category:sportclub',
      candidates: [rd(94_350, 464_420), rd(96_010, 465_900)],
      werkgebied: false,
    },
    { name: 'a dimension within a werkgebied', target: 'dimension:zingeving', candidates: [], werkgebied: true },
  ];

  it.skipIf(skip).each(questions)(
    '$name: figures, buurten, gap cells, blocks and curve at every step',
    async ({ target, candidates, werkgebied }) => {
      const points = JSON.stringify(candidates.map((coordinates) => ({ type: 'Point', coordinates })));
      const area = werkgebied ? werkgebiedId : null;
      const cells = await call<CoverageCells>('public.coverage_cells($1::jsonb, $2::jsonb, $3)', [JSON.stringify([target]), points, area]);
      const distances = cells.with_candidates ?? cells.distances[target]!;
      expect(cells.cell_ids.length).toBe(werkgebied ? 12 * 15 : side * side);
      // Some cells are gaps at 300 m and some are covered, so the question can tell right from wrong.
      const gapsAt300 = distances.filter((distance) => distance === null || distance > 300).length;
      expect(gapsAt300).toBeGreaterThan(0);
      expect(gapsAt300).toBeLessThan(cells.cell_ids.length);
      expect(distances.filter((distance) => distance !== null && distance > 0 && distance % 50 === 0).length).toBeGreaterThan(0);

      const summaries = new GapSummaries(cells, distances);
      for (const distance of steps) {
        const args = [target, distance, points, area];
        expect(figuresAt(cells, distances, target, distance)).toEqual(
          await call<CoverageFigures>('public.coverage($1, $2, null, $3::jsonb, $4)', args),
        );
        expect(byBuurtAt(cells, distances, distance)).toEqual(
          await call<BuurtCoverage[]>('public.coverage_by_buurt($1, $2, $3::jsonb, $4)', args),
        );
        const gaps = await call<GapCellCollection>('public.gap_cells($1, $2, $3::jsonb, $4)', args);
        const gapIds = cells.cell_ids.filter((_, index) => distances[index] === null || distances[index]! > distance);
        expect(gapIds).toEqual(gaps.features.map((feature) => feature.id));
        // The 1 km blocks hold exactly the uncovered people of the gap cells.
        const blocks = summaries.at(distance, 1000).features;
        const sum = (values: Array<number | null>) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
        expect(sum(blocks.map((block) => block.properties.uncovered))).toBe(sum(gaps.features.map((cell) => cell.properties.residents)));
      }
      expect(curveOf(cells, distances)).toEqual(
        (await call<CoverageCurvePoint[]>('public.coverage_curve($1, 50, $2::jsonb, $3)', [target, points, area])).map((point) => ({
          distance_m: Number(point.distance_m),
          share: point.share === null ? null : Number(point.share),
          share_65plus: point.share_65plus === null ? null : Number(point.share_65plus),
        })),
      );
    },
  );

  it.skipIf(skip)("answers the radar's six dimensions from one call, without the candidates", async () => {
    const targets = healthDimensions.map((dimension) => `dimension:${dimension}`);
    const cells = await call<CoverageCells>('public.coverage_cells($1::jsonb)', [JSON.stringify(['any', ...targets])]);
    expect(Object.keys(cells.distances).sort()).toEqual(['any', ...targets].sort());
    for (const target of targets) {
      expect(figuresAt(cells, cells.distances[target]!, target, 400)).toEqual(
        await call<CoverageFigures>('public.coverage($1, 400)', [target]),
      );
    }
  });
});
