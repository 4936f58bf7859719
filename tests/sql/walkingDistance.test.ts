/**
 * Walking distance on the real central-Amsterdam footway network from
 * ../shared/data, on PGlite and PostgreSQL: the network through the import
 * framework (GeoJSON split where vertices coincide), the places from the OSM
 * extract, a grid of cells over the area; then the kept walking distances
 * against a brute-force shortest path (one textbook Dijkstra per place, no
 * bound, the nearest taken per node), after the import and after places are
 * added, moved and archived; and coverage_cells on foot, with "what if" places
 * and without stale ones, against the same brute force.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { ApiError } from '../../src/backend/apiError';
import { localUserClaims } from '../../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { CoverageCells } from '../../src/backend/wireTypes';
import { walkDetourFactor } from '../../src/domain/nearby';
import { detectFormat, planFromText } from '../../src/import/importSources';
import { commitImport, previewImport } from '../../src/import/runImport';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';
import { dijkstra, graphOf } from '../support/shortestPaths';

const amsterdam = (name: string) => join(sharedDataDirectory, 'osm_substitute_amsterdam', name);
const networkFile = amsterdam('osm_walk_network_amsterdam_centre.geojson');
const placesFile = amsterdam('osm_health_assets_amsterdam_centre_points.geojson');
const missingAmsterdam = requirementMissing(
  `the central-Amsterdam OSM files in ${amsterdam('')}`,
  [networkFile, placesFile].every(existsSync),
);

const engines = sqlEngines(inject('sqlSetup'));
const reach = 2000;
const detour = 1.4;

// Cells of 100 m over the extract's box (lon 4.8906–4.9037, lat 52.3657–52.3737) and a ring of 300 m around it,
// some off the network; residents vary so the shares mean something.
const cellsSql = `
  with box as (
    select extensions.st_transform(extensions.st_makeenvelope(4.8906, 52.3657, 4.9037, 52.3737, 4326), 28992) as g
  )
  insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus)
  select format('E%sN%s', x / 100, y / 100),
         extensions.st_makeenvelope(x, y, x + 100, y + 100, 28992),
         extensions.st_setsrid(extensions.st_makepoint(x + 50, y + 50), 28992),
         10 + (x / 100 * 7 + y / 100 * 3) % 40, (x / 100 + y / 100) % 9
  from box,
       generate_series((floor(extensions.st_xmin(box.g) / 100) * 100 - 300)::int, (ceil(extensions.st_xmax(box.g) / 100) * 100 + 300)::int - 100, 100) x,
       generate_series((floor(extensions.st_ymin(box.g) / 100) * 100 - 300)::int, (ceil(extensions.st_ymax(box.g) / 100) * 100 + 300)::int - 100, 100) y`;

describe.each(engines)('walking distance on $name', ({ skip, open }) => {
  let database: TestDatabase;
  let api: WijkkrachtApi;
  const query = async <Row>(sql: string, params: unknown[] = []) => (await database.connection.query<Row>(sql, params)).rows;

  beforeAll(async () => {
    if (skip || missingAmsterdam) return;
    database = await open();
    api = createApi(createSqlRpcCall(database.connection, () => localUserClaims('00000000-0000-4000-8000-0000000c0014')));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  /** The brute-force walking distance per node for one target: the nearest of every counted place's own Dijkstra. */
  async function bruteForce(target: string, options: { candidates?: string[]; withoutStale?: boolean } = {}) {
    const edges = await query<{ from_node: number; to_node: number; length_m: number }>(
      'select from_node::int, to_node::int, length_m from internal.walk_edges',
    );
    const graph = graphOf(edges);
    const sources = await query<{ seeds: Array<{ node_id: number; distance_m: number }> }>(
      `select (select jsonb_agg(jsonb_build_object('node_id', s.node_id, 'distance_m', s.distance_m)) from internal.walk_seeds(a.geom) s) as seeds
       from internal.coverage_assets a join public.assets p on p.id = a.asset_id
       where $1 = any (a.targets) and not ($2 and internal.is_stale(p.confirmed_at, null))
       union all
       select (select jsonb_agg(jsonb_build_object('node_id', s.node_id, 'distance_m', s.distance_m))
               from internal.walk_seeds(extensions.st_transform(extensions.st_setsrid(extensions.st_geomfromgeojson(c), 4326), 28992)) s)
       from unnest($3::text[]) c`,
      [target, options.withoutStale ?? false, options.candidates ?? []],
    );
    const nearest = new Map<number, number>();
    for (const { seeds } of sources) {
      // One place at a time, with no bound: the nearest is taken here, not by the search.
      for (const [node, distance] of dijkstra(
        graph,
        seeds.map((seed) => [seed.node_id, seed.distance_m]),
      )) {
        if (distance <= reach && distance < (nearest.get(node) ?? Infinity)) nearest.set(node, distance);
      }
    }
    return nearest;
  }

  async function keptReach(target: string) {
    const rows = await query<{ node_id: number; distance_m: number }>(
      'select node_id::int, distance_m from internal.walk_reach where target = $1',
      [target],
    );
    return new Map(rows.map((row) => [row.node_id, row.distance_m]));
  }

  function expectSameDistances(kept: Map<number, number>, expected: Map<number, number>) {
    // Exactly the same nodes within reach (a node on the bound by rounding aside), each at the same distance to the centimetre.
    const off = [...expected].filter(([node, distance]) => Math.abs((kept.get(node) ?? Infinity) - distance) > 0.006);
    const extra = [...kept.keys()].filter((node) => !expected.has(node));
    expect(off.filter(([, distance]) => distance < reach - 0.01)).toEqual([]);
    expect(extra).toEqual([]);
  }

  /** Per cell, what coverage_cells must say on foot, from the brute force and the kept straight lines. */
  async function expectedWalking(target: string, nodes: Map<number, number>, candidates: string[] = [], withoutStale = false) {
    const cells = await query<{ cell_id: string; straight: number | null; node_id: number | null; access_m: number | null }>(
      `select c.cell_id, d.distance_m as straight, w.node_id::int, w.access_m
       from public.population_cells c
       join internal.cell_distances($1, $2::jsonb, $3, null) d using (cell_id)
       left join internal.walk_cell_access w using (cell_id)
       order by c.cell_id`,
      [target, JSON.stringify(candidates.map((candidate) => JSON.parse(candidate))), withoutStale],
    );
    return cells.map(({ straight, node_id, access_m }) => {
      if (straight === null) return null;
      // Off the network: the straight line times the detour factor. On it, but no place within reach on foot: farther.
      if (node_id === null || access_m === null) return straight * detour <= reach ? Math.round(straight * detour * 100) / 100 : null;
      const network = nodes.get(node_id);
      if (network === undefined) return null;
      const walked = Math.max(straight, Math.round((network + access_m) * 100) / 100);
      return walked <= reach ? walked : null;
    });
  }

  const close = (actual: Array<number | null>, expected: Array<number | null>) => {
    expect(actual.length).toBe(expected.length);
    const differing = actual.flatMap((value, index) => {
      const want = expected[index]!;
      const same = value === null || want === null ? value === want : Math.abs(value - want) <= 0.011;
      return same ? [] : [{ index, value, want }];
    });
    expect(differing).toEqual([]);
  };

  describe.skipIf(skip || missingAmsterdam)('central Amsterdam', () => {
    let networkReport: Awaited<ReturnType<typeof commitImport>>;

    beforeAll(async () => {
      const text = readFileSync(networkFile, 'utf8');
      const plan = planFromText(detectFormat('osm_walk_network_amsterdam_centre.geojson', text), text, {
        fileName: 'osm_walk_network_amsterdam_centre.geojson',
        categories: [],
      });
      expect(plan.target).toBe('walk-network');
      const preview = await previewImport(api, plan);
      expect((await query<{ n: number }>('select count(*)::int as n from internal.walk_nodes'))[0]!.n).toBe(0);
      networkReport = await commitImport(api, plan);
      expect({ ...preview, dry_run: false }).toEqual(networkReport);
      await database.connection.exec(cellsSql);
      await query('select internal.coverage_add_cells(array(select cell_id from public.population_cells))');
      const placesText = readFileSync(placesFile, 'utf8');
      const places = planFromText(detectFormat('points.geojson', placesText), placesText, {
        fileName: 'osm_health_assets_amsterdam_centre_points.geojson',
        categories: await api.listCategories(),
      });
      await commitImport(api, places);
    }, 300_000);

    it('imports the 690 ways as pieces between where they meet, joined into one network of the same length', async () => {
      const summary = await api.walkNetworkSummary();
      expect(networkReport.added).toBeGreaterThan(690);
      // Every stretch of the file is in the network: the lengths agree (pieces between the same two nodes keep the shorter).
      expect(summary.network_km).toBeGreaterThan(networkReport.network_km! * 0.99);
      expect(summary.network_km).toBeLessThanOrEqual(networkReport.network_km!);
      expect(summary.network_km).toBeGreaterThan(20);
      // Ways that meet share a node: far fewer nodes than twice the pieces.
      expect(summary.nodes).toBeLessThan(networkReport.added * 1.5);
      expect(summary.attributions).toEqual(['© OpenStreetMap-bijdragers (ODbL)']);
      // The app words its notes with the same factor SQL counts with.
      expect(summary.detour_factor).toBe(walkDetourFactor);
      const cellsOn = (await query<{ n: number }>('select count(*)::int as n from internal.walk_cell_access'))[0]!.n;
      const cells = (await query<{ n: number }>('select count(*)::int as n from public.population_cells'))[0]!.n;
      // The box's cells are on the network; the ring's outer cells are not.
      expect(cellsOn).toBeGreaterThan(cells / 3);
      expect(cellsOn).toBeLessThan(cells);
    });

    it('keeps per node the same walking distance as a brute-force shortest path from every place', async () => {
      const kinds = await query<{ target: string }>(
        'select distinct unnest(targets) as target from internal.coverage_assets where targets[2] is not null order by 1',
      );
      expect(kinds.length).toBeGreaterThan(4);
      for (const { target } of kinds) {
        const expected = await bruteForce(target);
        expect(expected.size).toBeGreaterThan(0);
        expectSameDistances(await keptReach(target), expected);
      }
    }, 120_000);

    it('answers coverage_cells on foot as the brute force, never shorter than the straight line, and often longer', async () => {
      const expected = await expectedWalking('any', await bruteForce('any'));
      const answer = (await api.coverageCells({ targets: ['any'], onFoot: true })) as CoverageCells;
      expect(answer.on_foot).toBe(true);
      close(answer.distances.any!, expected);
      const straight = (await api.coverageCells({ targets: ['any'] })).distances.any!;
      expect(answer.distances.any!.every((walked, i) => walked === null || (straight[i] !== null && walked >= straight[i]!))).toBe(true);
      // The canals: of the cells within 300 m in a straight line, some are not within 300 m on foot.
      const near = straight.filter((d) => d !== null && d <= 300).length;
      const nearOnFoot = answer.distances.any!.filter((d) => d !== null && d <= 300).length;
      expect(nearOnFoot).toBeLessThan(near);
      // Cells off the network say their distance is the straight line times the detour factor.
      const estimated = answer.walk_estimated!.filter(Boolean).length;
      expect(estimated).toBeGreaterThan(0);
      expect(estimated).toBeLessThan(answer.cell_ids.length);
    }, 120_000);

    it('stays equal to the brute force after places are added, moved and archived', async () => {
      const inside = (lon: number, lat: number) => `extensions.st_setsrid(extensions.st_makepoint(${lon}, ${lat}), 4326)`;
      const [added] = await query<{ id: string }>(
        `insert into public.assets (kind, category, dimensions, name, geom)
         values ('place', 'buurthuis', '{meedoen}', 'Nieuw buurthuis', ${inside(4.8935, 52.3712)}) returning id`,
      );
      expectSameDistances(await keptReach('category:buurthuis'), await bruteForce('category:buurthuis'));
      await query(`update public.assets set geom = ${inside(4.9012, 52.3668)} where id = $1`, [added!.id]);
      expectSameDistances(await keptReach('category:buurthuis'), await bruteForce('category:buurthuis'));
      expectSameDistances(await keptReach('dimension:meedoen'), await bruteForce('dimension:meedoen'));
      const [archived] = await query<{ id: string; category: string }>(
        "update public.assets set status = 'archived' where id = (select id from public.assets where status = 'published' and name <> 'Nieuw buurthuis' order by name limit 1) returning id, category",
      );
      expectSameDistances(await keptReach(`category:${archived!.category}`), await bruteForce(`category:${archived!.category}`));
      expectSameDistances(await keptReach('any'), await bruteForce('any'));
    }, 120_000);

    it('finds the next nearest place again where the one archived was nearest, also a place joining at the same node', async () => {
      // Two places of a kind nobody else has: one on a node, one 20 m from it, joining the network at that node too.
      const [node] = await query<{ lon: number; lat: number }>(
        `select extensions.st_x(g) as lon, extensions.st_y(g) as lat
         from (select extensions.st_transform(geom, 4326) as g from internal.walk_nodes order by node_id offset 200 limit 1) n`,
      );
      const at = (lon: number) => `extensions.st_setsrid(extensions.st_makepoint(${lon}, ${node!.lat}), 4326)`;
      const [onNode] = await query<{ id: string }>(
        `insert into public.assets (kind, category, dimensions, name, geom) values ('place', 'beweeggroep', '{}', 'Op de knoop', ${at(node!.lon)}) returning id`,
      );
      await query(
        `insert into public.assets (kind, category, dimensions, name, geom) values ('place', 'beweeggroep', '{}', 'Ernaast', ${at(node!.lon + 0.0003)})`,
      );
      expectSameDistances(await keptReach('category:beweeggroep'), await bruteForce('category:beweeggroep'));
      await query("update public.assets set status = 'archived' where id = $1", [onNode!.id]);
      const after = await bruteForce('category:beweeggroep');
      expect(after.size).toBeGreaterThan(10);
      expectSameDistances(await keptReach('category:beweeggroep'), after);
    }, 120_000);

    it('counts "what if" places and leaves out stale ones on foot, as the brute force does', async () => {
      const candidate = JSON.stringify({ type: 'Point', coordinates: [4.8975, 52.3695] });
      const answer = await api.coverageCells({
        targets: ['category:buurthuis'],
        onFoot: true,
        candidates: [{ type: 'Point', coordinates: [4.8975, 52.3695] }],
      });
      close(
        answer.with_candidates!,
        await expectedWalking('category:buurthuis', await bruteForce('category:buurthuis', { candidates: [candidate] }), [candidate]),
      );
      await query(
        "update public.assets set confirmed_at = now() - interval '2 years' where id = (select id from public.assets where status = 'published' order by name desc limit 1)",
      );
      const fresh = await api.coverageCells({ targets: ['any'], onFoot: true, withoutStale: true });
      close(fresh.distances.any!, await expectedWalking('any', await bruteForce('any', { withoutStale: true }), [], true));
    }, 120_000);

    it('answers "what is nearby on foot" from a spot as the brute force, and says which walks are estimated', async () => {
      const [lon, lat] = [4.8975, 52.3695];
      const answer = await api.assetsOnFoot(lon, lat, 800);
      // The brute force: a Dijkstra from the spot's own seeds, then per place its nearest seed node.
      const edges = await query<{ from_node: number; to_node: number; length_m: number }>(
        'select from_node::int, to_node::int, length_m from internal.walk_edges',
      );
      const spot = `extensions.st_transform(extensions.st_setsrid(extensions.st_makepoint(${lon}, ${lat}), 4326), 28992)`;
      const spotSeeds = await query<{ node_id: number; distance_m: number }>(
        `select node_id::int, distance_m from internal.walk_seeds(${spot})`,
      );
      const fromSpot = dijkstra(
        graphOf(edges),
        spotSeeds.map((seed) => [seed.node_id, seed.distance_m]),
      );
      const places = await query<{ id: string; straight: number; seeds: Array<{ node_id: number; distance_m: number }> }>(
        `select a.id, extensions.st_distance(extensions.st_transform(a.geom, 28992), ${spot}) as straight,
                (select jsonb_agg(jsonb_build_object('node_id', s.node_id, 'distance_m', s.distance_m))
                 from internal.walk_seeds(extensions.st_transform(a.geom, 28992)) s) as seeds
         from public.assets a where a.status = 'published'`,
      );
      // A place the search from the spot does not reach lies farther than asked (there is a network here).
      const expected = places
        .map(({ id, straight, seeds }) => {
          const network = Math.min(...seeds.map((seed) => (fromSpot.get(seed.node_id) ?? Infinity) + seed.distance_m));
          return { id, walked: Math.max(straight, network) };
        })
        .filter((place) => place.walked <= 800)
        .sort((a, b) => a.walked - b.walked);
      expect(expected.length).toBeGreaterThan(5);
      expect(answer.features.map((feature) => feature.id)).toEqual(expected.map((place) => place.id));
      answer.features.forEach((feature, index) => {
        expect(feature.properties.distance_m).toBeCloseTo(expected[index]!.walked, 0);
        expect(feature.properties.walk_estimated).toBe(false);
        expect(feature.properties.distance_m!).toBeGreaterThanOrEqual(feature.properties.straight_m! - 0.1);
      });
      // A walk is never shorter than the straight line: never more places on foot, and across the canals fewer at some distance.
      const counts = await Promise.all(
        [150, 200, 300, 400, 500].map(async (metres) => [
          (await api.assetsWithin(lon, lat, metres)).features.length,
          (await api.assetsOnFoot(lon, lat, metres)).features.length,
        ]),
      );
      expect(counts.every(([straight, onFoot]) => onFoot! <= straight!)).toBe(true);
      expect(counts.some(([straight, onFoot]) => onFoot! < straight!)).toBe(true);
      const refusal = await api.assetsOnFoot(lon, lat, 2500).catch((error: unknown) => error);
      expect((refusal as ApiError).code).toBe('WKARG');
    });

    it('does not count a cell near in a straight line as near on foot when its path joins no place', async () => {
      // A ring cell off the network, with a place within 1 km in a straight line.
      const [cell] = await query<{ cell_id: string; lon: number; lat: number }>(
        `select c.cell_id, extensions.st_x(p) as lon, extensions.st_y(p) as lat
         from public.population_cells c
         join internal.cell_nearest k on k.cell_id = c.cell_id and k.target = 'any' and k.distance_m < 1000
         cross join lateral (select extensions.st_transform(c.centre, 4326) as p) centre
         where not exists (select from internal.walk_cell_access w where w.cell_id = c.cell_id)
         order by k.distance_m limit 1`,
      );
      const index = (await api.coverageCells({ targets: ['any'], onFoot: true })).cell_ids.indexOf(cell!.cell_id);
      const before = await api.coverageCells({ targets: ['any'], onFoot: true });
      expect(before.walk_estimated![index]).toBe(true);
      expect(before.distances.any![index]).not.toBeNull();
      // A stretch of path through that cell that meets no other line: an island.
      await api.importWalkNetwork({
        source: 'eiland',
        attribution: null,
        dryRun: false,
        rows: [
          {
            row: 1,
            line: [
              [cell!.lon - 0.0004, cell!.lat],
              [cell!.lon + 0.0004, cell!.lat],
            ],
          },
        ],
      });
      const after = await api.coverageCells({ targets: ['any'], onFoot: true });
      expect(after.walk_estimated![index]).toBe(false);
      expect(after.distances.any![index]).toBeNull();
      close(after.distances.any!, await expectedWalking('any', await bruteForce('any')));
    }, 120_000);

    it('refuses a broken line, and anyone but an administrator', async () => {
      const refusal = await api
        .importWalkNetwork({ source: 'kapot', attribution: null, dryRun: true, rows: [{ row: 1, line: [[4.9, 52.37]] }] })
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      expect((refusal as ApiError).code).toBe('WKIMP');
      const resident = createApi(
        createSqlRpcCall(database.connection, () => ({ sub: '00000000-0000-4000-8000-00000000aa01', role: 'authenticated' })),
      );
      const notAllowed = await resident
        .importWalkNetwork({
          source: 'stiekem',
          attribution: null,
          dryRun: false,
          rows: [
            {
              row: 1,
              line: [
                [4.9, 52.37],
                [4.901, 52.37],
              ],
            },
          ],
        })
        .catch((error: unknown) => error);
      expect((notAllowed as ApiError).code).toBe('42501');
    });
  });
});
