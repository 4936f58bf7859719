/**
 * `npm run bench [-- --json] [--sizes city,national] [--runs 7]`
 *
 * Coverage of residents by assets of one category within 200 m, on seeded
 * synthetic data: "city" = 10 000 cells × 2 000 assets, "national" = 100 000
 * cells × 20 000 assets. In one run, on PGlite and on PostgreSQL 15:
 *   naive   — NOT EXISTS (… ST_DWithin …) over the assets (GiST-indexed, RD New)
 *   project — public.coverage(): one aggregate over the kept nearest distances
 *   update  — adding one asset, including the incremental upkeep of those distances
 *   without-stale — public.coverage(…, p_without_stale => true) with 90 % of the
 *             assets last confirmed 13 months ago: the planner leaving out the
 *             places possibly gone (13_freshness.sql); compare with project
 *   slider-before, slider-now, question-now, gap-layer — one step of the planner's
 *             distance slider as it was (SQL per step) and as it is (JavaScript over
 *             coverage_cells, asked once per question): see bench/sliderStep.ts
 * and in JavaScript:
 *   kdbush  — a static index over the asset points, one radius query per cell
 * Prints medians and ratios to naive, and checks all give the same gap cells.
 */
import KDBush from 'kdbush';
import { toWgs84 } from '../src/import/crs';
import type { SqlConnection } from '../src/backend/sqlConnection';
import { openPgliteDatabase, openPostgresDatabase } from '../tests/support/engines';
import { postgresAvailable, startPostgresCluster } from '../tests/support/postgresCluster';
import { seededRandom } from '../src/domain/seededRandom';
import { healthDimensions } from '../src/domain/types';
import { benchSliderSteps, type SliderApproach } from './sliderStep';

type Engine = 'pglite' | 'postgres' | 'js';
type Approach = 'naive' | 'project' | 'kdbush' | 'update' | 'without-stale' | SliderApproach;
type Size = 'city' | 'national';
interface Result {
  engine: Engine;
  approach: Approach;
  size: Size;
  median_ms: number;
  bytes?: number;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArgument = args[args.indexOf('--sizes') + 1];
const sizes = (args.includes('--sizes') && sizesArgument ? sizesArgument.split(',') : ['city', 'national']) as Size[];
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7;
// Close enough that some cells are gaps at both sizes (about 20 assets per km²).
const threshold = 200;
const target = 'category:buurthuis';
const log = (line: string) => {
  if (!json) console.log(line);
  else console.error(line);
};

const shapes: Record<Size, { columns: number; rows: number; assets: number }> = {
  city: { columns: 100, rows: 100, assets: 2_000 },
  national: { columns: 400, rows: 250, assets: 20_000 },
};
// South-west corner of the synthetic grid, in RD New metres (around Leiden).
const origin = { x: 80_000, y: 450_000 };

/** Asset points, seeded, spread over the grid; in WGS84 as the assets table stores them. */
function assetPoints(size: Size, count: number, seed: number): Array<[number, number]> {
  const { columns, rows } = shapes[size];
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const x = origin.x + random() * columns * 100;
    const y = origin.y + random() * rows * 100;
    return toWgs84({ type: 'Point', coordinates: [x, y] }, 'EPSG:28992').coordinates as [number, number];
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function load(connection: SqlConnection, size: Size): Promise<void> {
  const { columns, rows, assets } = shapes[size];
  await connection.exec(`
    insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus, buurt_code)
    select format('E%sN%s', x / 100, y / 100),
           extensions.st_makeenvelope(x, y, x + 100, y + 100, 28992),
           extensions.st_setsrid(extensions.st_makepoint(x + 50, y + 50), 28992),
           ((x * 7 + y * 3) / 100) % 40, ((x + y) / 100) % 9, 'BU' || (x / 1000)::text
    from generate_series(${origin.x}, ${origin.x + (columns - 1) * 100}, 100) x,
         generate_series(${origin.y}, ${origin.y + (rows - 1) * 100}, 100) y`);
  const points = assetPoints(size, assets, 42);
  // Bulk load without the per-row upkeep, then one rebuild: how a municipality's first import goes.
  await connection.exec('alter table public.assets disable trigger assets_follow_coverage');
  // Each place serves one Positive Health dimension, so the radar's six questions have answers.
  await connection.query(
    `insert into public.assets (kind, category, name, geom, dimensions)
     select 'place', 'buurthuis', 'Plek ' || ordinality,
            extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326),
            array[(($3::text[])[1 + ordinality % 6])::public.health_dimension]
     from unnest($1::float8[], $2::float8[]) with ordinality as p(lon, lat)`,
    [points.map((p) => p[0]), points.map((p) => p[1]), healthDimensions],
  );
  await connection.exec('alter table public.assets enable trigger assets_follow_coverage');
  await connection.query('select internal.coverage_rebuild()');
  await connection.exec('analyze');
}

// Coverage compares distances in whole centimetres (internal.cell_distance), so the other
// approaches ask the same question: within the threshold plus half a centimetre.
const reach = threshold + 0.005;

const naiveGapSql = `
  select c.cell_id from public.population_cells c
  where not exists (
    select 1 from internal.coverage_assets a
    where '${target}' = any (a.targets) and extensions.st_dwithin(a.geom, c.centre, ${reach}))
  order by 1`;
const projectGapSql = `
  select c.cell_id from public.population_cells c
  left join internal.cell_nearest n on n.cell_id = c.cell_id and n.target = '${target}'
  where n.distance_m is null or n.distance_m > ${threshold}
  order by 1`;

async function benchEngine(
  engine: 'pglite' | 'postgres',
  connection: SqlConnection,
  size: Size,
  results: Result[],
  gaps: Map<string, string[]>,
) {
  const started = performance.now();
  await load(connection, size);
  log(`  ${engine} ${size}: loaded and built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const naive: number[] = [];
  const project: number[] = [];
  for (let run = 0; run < runs; run++) {
    naive.push(await time(() => connection.query(naiveGapSql)));
    project.push(await time(() => connection.query('select public.coverage($1, $2)', [target, threshold])));
  }
  results.push({ engine, approach: 'naive', size, median_ms: median(naive) });
  results.push({ engine, approach: 'project', size, median_ms: median(project) });

  // A year in which nobody confirmed 9 in 10 places (set beneath the triggers: no history, no upkeep).
  const beneathTriggers = (sql: string) =>
    connection.exec(`set session_replication_role = replica; ${sql}; set session_replication_role = origin`);
  await beneathTriggers(`update public.assets set confirmed_at = now() - interval '13 months' where abs(hashtext(name)) % 10 <> 0`);
  const withoutStale: number[] = [];
  for (let run = 0; run < runs; run++) {
    withoutStale.push(await time(() => connection.query('select public.coverage($1, $2, p_without_stale => true)', [target, threshold])));
  }
  await beneathTriggers('update public.assets set confirmed_at = now()');
  results.push({ engine, approach: 'without-stale', size, median_ms: median(withoutStale) });
  for (const slider of await benchSliderSteps(connection, target, runs)) results.push({ engine, size, ...slider });
  gaps.set(
    `${engine}/naive/${size}`,
    (await connection.query<{ cell_id: string }>(naiveGapSql)).rows.map((row) => row.cell_id),
  );
  gaps.set(
    `${engine}/project/${size}`,
    (await connection.query<{ cell_id: string }>(projectGapSql)).rows.map((row) => row.cell_id),
  );

  const update: number[] = [];
  for (const [lon, lat] of assetPoints(size, runs, 7)) {
    update.push(
      await time(() =>
        connection.query(
          `insert into public.assets (kind, category, name, geom)
           values ('place', 'buurthuis', 'Nieuw', extensions.st_setsrid(extensions.st_makepoint($1, $2), 4326))`,
          [lon, lat],
        ),
      ),
    );
  }
  results.push({ engine, approach: 'update', size, median_ms: median(update) });
}

/** The same gap cells from a kdbush index in JavaScript, over the asset points as the database holds them (RD New). */
async function benchKdbush(connection: SqlConnection, size: Size, results: Result[], gaps: Map<string, string[]>) {
  // Without the assets the "update" runs added afterwards, so kdbush sees what naive and project saw.
  const { rows: assets } = await connection.query<{ x: number; y: number }>(
    `select extensions.st_x(a.geom) as x, extensions.st_y(a.geom) as y
     from internal.coverage_assets a join public.assets s on s.id = a.asset_id where s.name <> 'Nieuw'`,
  );
  const { rows: cells } = await connection.query<{ cell_id: string; x: number; y: number }>(
    'select cell_id, extensions.st_x(centre) as x, extensions.st_y(centre) as y from public.population_cells order by cell_id',
  );
  let gapIds: string[] = [];
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    timings.push(
      await time(() => {
        const index = new KDBush(assets.length);
        for (const asset of assets) index.add(asset.x, asset.y);
        index.finish();
        gapIds = cells.filter((cell) => index.within(cell.x, cell.y, reach).length === 0).map((cell) => cell.cell_id);
      }),
    );
  }
  results.push({ engine: 'js', approach: 'kdbush', size, median_ms: median(timings) });
  gaps.set(`js/kdbush/${size}`, [...gapIds].sort());
}

async function main() {
  const results: Result[] = [];
  const gaps = new Map<string, string[]>();
  const cluster = postgresAvailable() ? await startPostgresCluster() : null;
  if (!cluster) log('PostgreSQL 15 + PostGIS is not installed (apt postgresql-15-postgis-3): PostgreSQL results are missing.');
  try {
    for (const size of sizes) {
      log(`${size}: ${shapes[size].columns * shapes[size].rows} cells × ${shapes[size].assets} assets, ${runs} runs each`);
      const pglite = await openPgliteDatabase();
      await benchEngine('pglite', pglite.connection, size, results, gaps);
      await pglite.close();
      if (cluster) {
        const postgres = await openPostgresDatabase(cluster.url);
        await benchEngine('postgres', postgres.connection, size, results, gaps);
        await benchKdbush(postgres.connection, size, results, gaps);
        await postgres.close();
      }
    }
  } finally {
    cluster?.stop();
  }

  // The added assets ("update") come after the gap cells were taken, so all sets describe the same data.
  const sets = [...gaps.entries()];
  const identical = sizes.every((size) => {
    const ofSize = sets.filter(([key]) => key.endsWith(`/${size}`)).map(([, ids]) => ids.join(','));
    return ofSize.every((ids) => ids === ofSize[0]);
  });

  if (json) {
    console.log(JSON.stringify({ results, identical }));
    return;
  }
  console.log('\nengine    approach       size        median ms   vs naive (same engine and size)');
  for (const result of results) {
    const naive = results.find(
      (other) => other.approach === 'naive' && other.size === result.size && (other.engine === result.engine || result.engine === 'js'),
    );
    const project = results.find((other) => other.approach === 'project' && other.size === result.size && other.engine === result.engine);
    const sliderBefore = results.find(
      (other) => other.approach === 'slider-before' && other.size === result.size && other.engine === result.engine,
    );
    const bytes = result.bytes === undefined ? '' : ` (${(result.bytes / 1e6).toFixed(1)} MB)`;
    const ratio =
      result.approach === 'without-stale' && project
        ? `${(result.median_ms / project.median_ms).toFixed(1)}× project's time`
        : result.approach === 'slider-now' && sliderBefore
          ? `${(sliderBefore.median_ms / result.median_ms).toFixed(0)}× faster than slider-before`
          : result.approach.startsWith('slider') || result.approach === 'question-now' || result.approach === 'gap-layer'
            ? bytes.trim()
            : naive && result.approach !== 'update' && result.approach !== 'naive'
              ? `${(naive.median_ms / result.median_ms).toFixed(1)}× faster`
              : '';
    console.log(
      `${result.engine.padEnd(10)}${result.approach.padEnd(15)}${result.size.padEnd(12)}${result.median_ms.toFixed(2).padStart(9)}   ${ratio}`,
    );
  }
  for (const size of sizes) {
    const counts = sets
      .filter(([key]) => key.endsWith(`/${size}`))
      .map(([key, ids]) => `${key.split('/').slice(0, 2).join('/')} ${ids.length}`);
    console.log(`gap cells (${size}): ${counts.join(', ')}`);
  }
  console.log(`identical gap cells: ${identical ? 'yes' : 'NO'}`);
}

await main();
