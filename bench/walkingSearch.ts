/**
 * `npm run bench:walking [-- --json] [--runs 5] [--networks amsterdam,town]`
 *
 * What walking distances cost (supabase/schemas/15_walking.sql), on PGlite and
 * PostgreSQL 15 in one run, on two networks:
 *   amsterdam — the real central-Amsterdam footway network and places from
 *               ../shared/data, with a made-up 100 m grid over it;
 *   town      — a seeded lattice of paths, 6 × 6 km at 50 m (14 400 nodes), with
 *               300 places and 3 600 cells: a whole town's network.
 * Approaches, side by side:
 *   import          — the network import, with every cell's access and every target's search;
 *   recompute       — every target's search from scratch (internal.walk_recompute);
 *   js-dijkstra     — the same searches as a multi-source Dijkstra in JavaScript (the
 *                     alternative: a search in a worker, whose results SQL would then
 *                     have to trust), on the same edges, compute only;
 *   add-straight    — adding one place, with the straight-line upkeep only (no network yet);
 *   add-walking     — the same with the network: its own search, where it is nearer;
 *   archive-straight / archive-walking — archiving a place, without and with the network
 *                     (then the nodes it was nearest to look again);
 *   question-straight / question-walking — public.coverage_cells for one target;
 *   nearby-straight / nearby-walking — "Wat is er in de buurt?" within 500 m (assets_within, assets_on_foot).
 * Prints medians and the ratios walking / straight and SQL / JavaScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlConnection } from '../src/backend/sqlConnection';
import type { WalkLineRow } from '../src/backend/wireTypes';
import { seededRandom } from '../src/domain/seededRandom';
import { toWgs84 } from '../src/import/crs';
import { walkNetworkPlan } from '../src/import/formats/walkNetwork';
import { openPgliteDatabase, openPostgresDatabase } from '../tests/support/engines';
import { postgresAvailable, startPostgresCluster } from '../tests/support/postgresCluster';
import { sharedDataDirectory } from '../tests/support/sharedRequirements';
import { dijkstra, graphOf } from '../tests/support/shortestPaths';

type Network = 'amsterdam' | 'town';
type Engine = 'pglite' | 'postgres' | 'js';
interface Result {
  network: Network;
  engine: Engine;
  approach: string;
  median_ms: number;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const networksArgument = args.includes('--networks') ? args[args.indexOf('--networks') + 1] : undefined;
const networks = (networksArgument ? networksArgument.split(',') : ['amsterdam', 'town']) as Network[];
const log = (line: string) => (json ? console.error(line) : console.log(line));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rd = (x: number, y: number) => toWgs84({ type: 'Point', coordinates: [x, y] }, 'EPSG:28992').coordinates as [number, number];

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

interface Loaded {
  lines: WalkLineRow[];
  places: Array<[number, number]>;
  /** RD New box of the cells, south-west and north-east, in whole 100 m. */
  box: [number, number, number, number];
}

function amsterdam(): Loaded {
  const folder = join(sharedDataDirectory, 'osm_substitute_amsterdam');
  const lines = walkNetworkPlan(readFileSync(join(folder, 'osm_walk_network_amsterdam_centre.geojson'), 'utf8')).rows;
  const points = JSON.parse(readFileSync(join(folder, 'osm_health_assets_amsterdam_centre_points.geojson'), 'utf8')) as {
    features: Array<{ geometry: { coordinates: [number, number] } }>;
  };
  return { lines, places: points.features.map((feature) => feature.geometry.coordinates), box: [121_000, 486_300, 122_300, 487_600] };
}

/** A lattice of paths at 50 m with a few missing, as a town's streets and footpaths, and seeded places. */
function town(): Loaded {
  const random = seededRandom(14);
  const origin = { x: 90_000, y: 460_000 };
  const size = 120;
  const corner = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => rd(origin.x + i * 50, origin.y + j * 50)));
  const lines: WalkLineRow[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i + 1 < size && random() > 0.1) lines.push({ row: lines.length + 1, line: [corner[i]![j]!, corner[i + 1]![j]!] });
      if (j + 1 < size && random() > 0.1) lines.push({ row: lines.length + 1, line: [corner[i]![j]!, corner[i]![j + 1]!] });
    }
  }
  const places = Array.from({ length: 300 }, () => rd(origin.x + random() * 6000, origin.y + random() * 6000));
  return { lines, places, box: [origin.x, origin.y, origin.x + 6000, origin.y + 6000] };
}

const categories = ['buurthuis', 'ontmoetingsplek', 'sportclub', 'park'];

async function loadCellsAndPlaces(connection: SqlConnection, data: Loaded) {
  const [west, south, east, north] = data.box;
  await connection.exec(`
    insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus)
    select format('E%sN%s', lpad((x / 100)::text, 4, '0'), lpad((y / 100)::text, 4, '0')),
           extensions.st_makeenvelope(x, y, x + 100, y + 100, 28992),
           extensions.st_setsrid(extensions.st_makepoint(x + 50, y + 50), 28992), 20, 4
    from generate_series(${west}, ${east - 100}, 100) x, generate_series(${south}, ${north - 100}, 100) y`);
  await connection.query('select internal.coverage_add_cells(array(select cell_id from public.population_cells))');
  for (const [index, [lon, lat]] of data.places.entries()) {
    await connection.query(
      `insert into public.assets (kind, category, dimensions, name, geom)
       values ('place', $1, '{meedoen}', 'Plek', extensions.st_setsrid(extensions.st_makepoint($2, $3), 4326))`,
      [categories[index % categories.length], lon, lat],
    );
  }
}

/** Multi-source Dijkstra per target over the network's edges, bounded at 2 000 m, in JavaScript. */
function jsSearch(edges: Array<{ from_node: number; to_node: number; length_m: number }>, seeds: Map<string, Array<[number, number]>>) {
  const graph = graphOf(edges);
  let reached = 0;
  for (const sources of seeds.values()) reached += dijkstra(graph, sources, 2000).size;
  return reached;
}

async function benchEngine(engine: Engine, connection: SqlConnection, network: Network, data: Loaded, results: Result[]) {
  const record = (approach: string, values: number[]) => {
    results.push({ network, engine, approach, median_ms: median(values) });
    log(`  ${engine.padEnd(8)} ${approach.padEnd(18)} ${median(values).toFixed(1).padStart(9)} ms`);
  };
  const value = async (sql: string, params: unknown[] = []) => (await connection.query(sql, params)).rows;
  await loadCellsAndPlaces(connection, data);
  const addPlace = (index: number) =>
    value(
      `insert into public.assets (kind, category, dimensions, name, geom)
       values ('place', 'buurthuis', '{meedoen}', 'Erbij', extensions.st_setsrid(extensions.st_makepoint($1, $2), 4326))`,
      data.places[index % data.places.length]!.map((coordinate, axis) => coordinate + (axis === 0 ? 0.0007 : 0.0004)),
    );
  const adds: number[] = [];
  for (let run = 0; run < runs; run++) adds.push(await time(() => addPlace(run)));
  record('add-straight', adds);
  const archive = () =>
    value(
      "update public.assets set status = 'archived' where id = (select id from public.assets where name = 'Erbij' and status = 'published' limit 1)",
    );
  const straightArchives: number[] = [];
  for (let run = 0; run < runs; run++) straightArchives.push(await time(archive));
  record('archive-straight', straightArchives);
  const questions: number[] = [];
  for (let run = 0; run < runs; run++) questions.push(await time(() => value(`select public.coverage_cells('["any"]')`)));
  record('question-straight', questions);

  const imported = await time(() =>
    value(`select public.import_walk_network('bench', null, $1::jsonb)`, [JSON.stringify(data.lines)]).catch(async (error: unknown) => {
      throw error;
    }),
  );
  record('import', [imported]);
  const recomputes: number[] = [];
  for (let run = 0; run < runs; run++) recomputes.push(await time(() => value('select internal.walk_recompute(null)')));
  record('recompute', recomputes);
  const walkingAdds: number[] = [];
  for (let run = 0; run < runs; run++) walkingAdds.push(await time(() => addPlace(runs + run)));
  record('add-walking', walkingAdds);
  const archives: number[] = [];
  for (let run = 0; run < runs; run++) archives.push(await time(archive));
  record('archive-walking', archives);
  const walkingQuestions: number[] = [];
  for (let run = 0; run < runs; run++) {
    walkingQuestions.push(await time(() => value(`select public.coverage_cells('["any"]', p_on_foot => true)`)));
  }
  record('question-walking', walkingQuestions);
  // "Wat is er in de buurt?" within 500 m of the middle, in a straight line and on foot.
  const [lon, lat] = data.places[0]!;
  const nearby: Record<'straight' | 'walking', number[]> = { straight: [], walking: [] };
  for (let run = 0; run < runs; run++) {
    nearby.straight.push(await time(() => value('select public.assets_within($1, $2, 500)', [lon, lat])));
    nearby.walking.push(await time(() => value('select public.assets_on_foot($1, $2, 500)', [lon, lat])));
  }
  record('nearby-straight', nearby.straight);
  record('nearby-walking', nearby.walking);

  if (engine === 'pglite') {
    // The JavaScript alternative, on the same edges and seeds.
    const edges = (await value('select from_node::int, to_node::int, length_m from internal.walk_edges')) as Array<{
      from_node: number;
      to_node: number;
      length_m: number;
    }>;
    const seedRows = (await value(
      `select t.target, s.node_id::int as node_id, min(s.distance_m) as distance_m
       from internal.coverage_assets a cross join unnest(a.targets) t(target) cross join lateral internal.walk_seeds(a.geom) s
       group by 1, 2`,
    )) as Array<{ target: string; node_id: number; distance_m: number }>;
    const seeds = new Map<string, Array<[number, number]>>();
    for (const row of seedRows) seeds.set(row.target, [...(seeds.get(row.target) ?? []), [row.node_id, row.distance_m]]);
    const js: number[] = [];
    for (let run = 0; run < runs; run++) js.push(await time(async () => jsSearch(edges, seeds)));
    results.push({ network, engine: 'js', approach: 'js-dijkstra', median_ms: median(js) });
    log(`  ${'js'.padEnd(8)} ${'js-dijkstra'.padEnd(18)} ${median(js).toFixed(1).padStart(9)} ms`);
    const [counts] = (await value(
      'select (select count(*) from internal.walk_nodes)::int as nodes, (select count(*) / 2 from internal.walk_edges)::int as edges',
    )) as Array<{ nodes: number; edges: number }>;
    log(`  (${counts!.nodes} nodes, ${counts!.edges} edges, ${seeds.size} targets)`);
  }
}

async function main() {
  const results: Result[] = [];
  const cluster = postgresAvailable() ? await startPostgresCluster() : null;
  if (!cluster) log('PostgreSQL 15 + PostGIS is not installed: PostgreSQL results are missing.');
  try {
    for (const network of networks) {
      if (network === 'amsterdam' && !existsSync(join(sharedDataDirectory, 'osm_substitute_amsterdam'))) {
        log('amsterdam: ../shared/data is missing, skipped');
        continue;
      }
      const data = network === 'amsterdam' ? amsterdam() : town();
      log(`${network}: ${data.lines.length} lines, ${data.places.length} places, ${runs} runs each`);
      const pglite = await openPgliteDatabase();
      await benchEngine('pglite', pglite.connection, network, data, results);
      await pglite.close();
      if (cluster) {
        const postgres = await openPostgresDatabase(cluster.url);
        await benchEngine('postgres', postgres.connection, network, data, results);
        await postgres.close();
      }
    }
  } finally {
    await cluster?.stop();
  }
  const of = (network: Network, engine: Engine, approach: string) =>
    results.find((result) => result.network === network && result.engine === engine && result.approach === approach)?.median_ms;
  const ratios = results
    .filter((result) => ['question-walking', 'add-walking', 'archive-walking', 'nearby-walking', 'recompute'].includes(result.approach))
    .map((result) => {
      const base =
        result.approach === 'recompute'
          ? of(result.network, 'js', 'js-dijkstra')
          : of(result.network, result.engine, result.approach.replace('walking', 'straight'));
      return { ...result, ratio: base ? result.median_ms / base : null };
    });
  for (const ratio of ratios) {
    const against = ratio.approach === 'recompute' ? 'js-dijkstra' : ratio.approach.replace('walking', 'straight');
    log(`${ratio.network} ${ratio.engine}: ${ratio.approach} / ${against} = ${ratio.ratio?.toFixed(1) ?? '–'}×`);
  }
  if (json) console.log(JSON.stringify({ runs, results, ratios }));
}

await main();
