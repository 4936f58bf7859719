/**
 * The coverage functions against a count by hand, on small hand-made data, on
 * both engines: a cell exactly at the threshold, an archived asset, a line and
 * a polygon asset, an estimated cell and a cell with secret counts.
 *
 * Six cells in a row along RD x (centres 100 m apart), all in RD New:
 *   cell   centre (x)  residents  65+   buurt  note
 *   A      93050       10         2     BU-1
 *   B      93150       20         4     BU-1
 *   C      93250       null       null  BU-1   secret (CBS hides small counts)
 *   D      93350       30         6     BU-2   estimated
 *   E      93450       40         8     BU-2
 *   F      93550       50         10    BU-2
 * Assets (buurthuis unless said): a point on A's centre; an archived point on F's centre;
 * a park polygon whose edge is exactly 200 m east of E's centre; a route (line) that
 * passes 150 m north of D's centre.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toWgs84 } from '../../src/import/crs';
import { sqlEngines, type TestDatabase } from '../support/engines';

const engines = sqlEngines(inject('sqlSetup'));

const y = 463_050;
const cells = [
  ['A', 93_050, 10, 2, 'BU-1', false],
  ['B', 93_150, 20, 4, 'BU-1', false],
  ['C', 93_250, null, null, 'BU-1', false],
  ['D', 93_350, 30, 6, 'BU-2', true],
  ['E', 93_450, 40, 8, 'BU-2', false],
  ['F', 93_550, 50, 10, 'BU-2', false],
] as const;
const cellId = (name: string) => `E${930 + 'ABCDEF'.indexOf(name)}N4630`;

describe.each(engines)('coverage functions on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const call = async (sql: string, params: unknown[] = []) =>
    (await database.connection.query<{ result: unknown }>(`select ${sql} as result`, params)).rows[0]!.result as never;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    for (const [name, x, residents, old, buurt, estimated] of cells) {
      await database.connection.query(
        `insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus, buurt_code, estimated)
         values ($1, extensions.st_makeenvelope($2 - 50, $3 - 50, $2 + 50, $3 + 50, 28992),
                 extensions.st_setsrid(extensions.st_makepoint($2, $3), 28992), $4, $5, $6, $7)`,
        [cellId(name), x, y, residents, old, buurt, estimated],
      );
    }
    // Assets are stored in WGS84; make them in RD New and let the database transform them back.
    // (The table owner's connection is trusted: it may set a status, which residents never may.)
    const insert = async (kind: string, category: string, status: string, wkt: string) => {
      const { rows } = await database.connection.query<{ id: string }>(
        `insert into public.assets (kind, category, name, geom)
         values ($1, $2, 'x', extensions.st_transform(extensions.st_geomfromtext($3, 28992), 4326)) returning id`,
        [kind, category, wkt],
      );
      await database.connection.query('update public.assets set status = $2::public.asset_status where id = $1', [rows[0]!.id, status]);
    };
    await insert('place', 'buurthuis', 'published', 'POINT(93050 463050)');
    await insert('place', 'buurthuis', 'archived', 'POINT(93550 463050)');
    await insert('area', 'park', 'published', 'POLYGON((93650 463000, 93750 463000, 93750 463100, 93650 463100, 93650 463000))');
    await insert('route', 'wandelroute', 'published', 'LINESTRING(93000 463200, 93700 463200)');
  });
  afterAll(async () => {
    await database?.close();
  });

  it.skipIf(skip)('counts a cell exactly at the distance as covered, and leaves secret cells out of both counts', async () => {
    // Park edge at x = 93650: E (93450) is exactly 200 m away, F 100 m, D 300 m.
    expect(await call("public.coverage('category:park', 200)")).toMatchObject({
      residents: 150,
      residents_covered: 90,
      residents_65plus: 30,
      residents_65plus_covered: 18,
      cells_unknown: 1,
      cells_estimated: 1,
    });
    expect(await call("public.coverage('category:park', 199.9)")).toMatchObject({ residents_covered: 50 });
  });

  it.skipIf(skip)('ignores archived assets, and measures to the nearest point of a line', async () => {
    // Only A's own point counts for buurthuis (F's is archived): within 100 m lie A and B.
    expect(await call("public.coverage('category:buurthuis', 100)")).toMatchObject({ residents_covered: 30 });
    // The route runs 150 m north of every cell centre.
    expect(await call("public.coverage('category:wandelroute', 149)")).toMatchObject({ residents_covered: 0 });
    expect(await call("public.coverage('category:wandelroute', 150)")).toMatchObject({ residents_covered: 150 });
  });

  it.skipIf(skip)('gives figures per buurt and the gap cells with their people', async () => {
    expect(await call("public.coverage_by_buurt('category:buurthuis', 100)")).toEqual([
      {
        buurt_code: 'BU-1',
        residents: 30,
        residents_covered: 30,
        residents_65plus: 6,
        residents_65plus_covered: 6,
        cells_unknown: 1,
        cells_unknown_65plus: 1,
        cells_estimated: 0,
      },
      {
        buurt_code: 'BU-2',
        residents: 120,
        residents_covered: 0,
        residents_65plus: 24,
        residents_65plus_covered: 0,
        cells_unknown: 0,
        cells_unknown_65plus: 0,
        cells_estimated: 1,
      },
    ]);
    const gaps = (await call("public.gap_cells('category:buurthuis', 100)")) as {
      features: Array<{ id: string; properties: Record<string, unknown> }>;
    };
    expect(gaps.features.map((feature) => feature.id)).toEqual(['C', 'D', 'E', 'F'].map(cellId));
    expect(gaps.features[1]!.properties).toMatchObject({ residents: 30, residents_65plus: 6, estimated: true, distance_m: 300 });
  });

  it.skipIf(skip)('draws the curve of the share covered from 0 to 2000 m', async () => {
    const curve = (await call("public.coverage_curve('category:buurthuis', 100)")) as Array<{ distance_m: number; share: number }>;
    expect(curve).toHaveLength(21);
    // Known residents 150: A at 0 m, B at 100, D 300, E 400, F 500.
    expect(curve.slice(0, 6).map((point) => [Number(point.distance_m), Number(point.share)])).toEqual([
      [0, 0.0667],
      [100, 0.2],
      [200, 0.2],
      [300, 0.4],
      [400, 0.6667],
      [500, 1],
    ]);
  });

  it.skipIf(skip)('answers "what if" with a candidate point, without writing it', async () => {
    const [lon, lat] = toWgs84({ type: 'Point', coordinates: [93450, 463050] }, 'EPSG:28992').coordinates as [number, number];
    const candidates = JSON.stringify([{ type: 'Point', coordinates: [lon, lat] }]);
    const withCandidate = (await call("public.coverage_by_buurt('category:buurthuis', 120, $1::jsonb)", [candidates])) as Array<{
      residents_covered: number;
    }>;
    expect(withCandidate.map((row) => row.residents_covered)).toEqual([30, 120]);
    expect(await call("public.coverage('category:buurthuis', 120)")).toMatchObject({ residents_covered: 30 });
  });

  it.skipIf(skip)(
    'gives every cell with its people and its distance per target once, the candidates for the first target only',
    async () => {
      const [lon, lat] = toWgs84({ type: 'Point', coordinates: [93450, 463050] }, 'EPSG:28992').coordinates as [number, number];
      const candidates = JSON.stringify([{ type: 'Point', coordinates: [lon, lat] }]);
      const targets = JSON.stringify(['category:buurthuis', 'category:park', 'category:buurthuis']);
      const answer = (await call('public.coverage_cells($1::jsonb, $2::jsonb)', [targets, candidates])) as {
        targets: string[];
        cell_ids: string[];
        buurt_codes: string[];
        residents: Array<number | null>;
        residents_65plus: Array<number | null>;
        estimated: boolean[];
        distances: Record<string, Array<number | null>>;
        with_candidates: Array<number | null>;
      };
      expect(answer.targets).toEqual(['category:buurthuis', 'category:park']);
      expect(answer.cell_ids).toEqual(['A', 'B', 'C', 'D', 'E', 'F'].map(cellId));
      expect(answer.buurt_codes).toEqual(['BU-1', 'BU-1', 'BU-1', 'BU-2', 'BU-2', 'BU-2']);
      expect(answer.residents).toEqual([10, 20, null, 30, 40, 50]);
      expect(answer.residents_65plus).toEqual([2, 4, null, 6, 8, 10]);
      expect(answer.estimated).toEqual([false, false, false, true, false, false]);
      // Buurthuis on A only (F's is archived); the park's edge at x = 93650.
      expect(answer.distances['category:buurthuis']).toEqual([0, 100, 200, 300, 400, 500]);
      expect(answer.distances['category:park']).toEqual([600, 500, 400, 300, 200, 100]);
      // The candidate on E's centre counts for buurthuis, nothing for the park.
      expect(answer.with_candidates).toEqual([0, 100, 200, 100, 0, 100]);
      expect(((await call(`public.coverage_cells('["category:buurthuis"]')`)) as { with_candidates: unknown }).with_candidates).toBeNull();
    },
  );

  it.skipIf(skip)('refuses no targets, more than 8, an endless one, or anything but a list of texts', async () => {
    const refused = [[], Array.from({ length: 9 }, () => 'any'), ['x'.repeat(101)], [null], 'any', { any: true }];
    for (const targets of refused) {
      await expect(call('public.coverage_cells($1::jsonb)', [JSON.stringify(targets)])).rejects.toMatchObject({ code: 'WKARG' });
    }
    await expect(call('public.coverage_cells(null)')).rejects.toMatchObject({ code: 'WKARG' });
  });

  it.skipIf(skip)("leaves out a place possibly gone only when asked, by its werkgebied's months, and finds the next nearest", async () => {
    // A werkgebied around D only, that allows 24 months; in it a second buurthuis on D's centre, last confirmed 13 months ago.
    await database.connection.query(
      `insert into public.werkgebieden (name, area_codes, geom, stale_after_months)
       values ('Vers', '{VERS}', extensions.st_multi(extensions.st_transform(extensions.st_makeenvelope(93300, 463000, 93400, 463100, 28992), 4326)), 24)`,
    );
    const { rows } = await database.connection.query<{ id: string }>(
      `insert into public.assets (kind, category, name, geom)
       values ('place', 'buurthuis', 'x', extensions.st_transform(extensions.st_geomfromtext('POINT(93350 463050)', 28992), 4326)) returning id`,
    );
    const placeId = rows[0]!.id;
    await database.connection.query(
      `update public.assets set status = 'published', confirmed_at = now() - interval '13 months' where id = $1`,
      [placeId],
    );
    const covered = async (withoutStale: boolean) =>
      ((await call(`public.coverage('category:buurthuis', 100, p_without_stale => ${withoutStale})`)) as { residents_covered: number })
        .residents_covered;
    // Within 100 m of A's or D's buurthuis: A, B, D, E (C's count is secret).
    expect(await covered(false)).toBe(100);
    expect(await covered(true)).toBe(100);

    // The werkgebied now allows 12 months: the place is possibly gone, and only A's buurthuis is left.
    await database.connection.query("update public.werkgebieden set stale_after_months = 12 where name = 'Vers'");
    expect(await covered(false)).toBe(100);
    expect(await covered(true)).toBe(30);
    const byBuurt = (await call("public.coverage_by_buurt('category:buurthuis', 100, p_without_stale => true)")) as Array<{
      residents_covered: number;
    }>;
    expect(byBuurt.map((row) => row.residents_covered)).toEqual([30, 0]);
    const gaps = (await call("public.gap_cells('category:buurthuis', 100, p_without_stale => true)")) as {
      features: Array<{ id: string }>;
    };
    expect(gaps.features.map((feature) => feature.id)).toEqual(['C', 'D', 'E', 'F'].map(cellId));
    // The curve is the one without that place: D at 300 m from A again.
    const curve = (await call("public.coverage_curve('category:buurthuis', 100, p_without_stale => true)")) as Array<{ share: number }>;
    expect(curve.slice(0, 6).map((point) => Number(point.share))).toEqual([0.0667, 0.2, 0.2, 0.4, 0.6667, 1]);

    // Someone says "bestaat nog": it counts again.
    await database.connection.query('update public.assets set confirmed_at = now() where id = $1', [placeId]);
    expect(await covered(true)).toBe(100);
    await database.connection.query("update public.assets set status = 'archived' where id = $1", [placeId]);
  });
});
