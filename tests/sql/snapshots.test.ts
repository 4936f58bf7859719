/**
 * Snapshots over time (supabase/schemas/16_snapshots.sql), on both engines: a
 * snapshot's figures are the planner's figures of that moment, at every 50 m
 * step, straight and on foot, per buurt; places, stories and appreciations are
 * counted; one per month is kept; only the werkgebied's staff take and read them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { Snapshot } from '../../src/backend/wireTypes';
import { figuresAt } from '../../src/coverage/cellCoverage';
import type { CoverageTarget } from '../../src/domain/types';
import { refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { castRoles, claimsOf, pointIn, reviewBuurtenWithResidents, rolledBackAs, type Actor } from '../support/roleCast';

const engines = sqlEngines(inject('sqlSetup'));
const steps = Array.from({ length: 41 }, (_, index) => index * 50);
/** This month as the Dutch calendar has it, as SQL files monthly snapshots. */
const dutchMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(new Date()) + '-01';

describe.each(engines)('snapshots on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  let werkgebieden: Awaited<ReturnType<typeof castRoles>>;
  let before: Snapshot;
  let after: Snapshot;
  /** What coverage_by_buurt said at every step just before the first snapshot. */
  let plannerBefore: Awaited<ReturnType<WijkkrachtApi['coverageByBuurt']>>[];
  const count = async (sql: string, parameters: unknown[] = []) =>
    (await database.connection.query<{ n: number }>(`select (${sql})::int as n`, parameters)).rows[0]!.n;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    werkgebieden = await castRoles(as);
    const administrator = as('administrator');
    // People across both buurten and in the werkgebied's south-west corner, which lies in no buurt ('').
    await reviewBuurtenWithResidents(administrator, { westSouth: 52.015 });
    // A sports club was there before; paths along which one walks to it.
    await as('facilitator').addAsset({ kind: 'place', category: 'sportclub', name: 'Sportclub', geometry: pointIn('review', 12) });
    // A path from the meeting place's spot (step 4) past the crossing (step 8) to the club (step 12), and one across.
    const at = (step: number) => pointIn('review', step).coordinates as [number, number];
    const [crossLon, crossLat] = at(8);
    await administrator.importWalkNetwork({
      source: 'snapshot-paden',
      attribution: 'OpenStreetMap',
      dryRun: false,
      rows: [
        { row: 1, line: [at(4), at(8), at(12)] },
        { row: 2, line: [[crossLon - 0.01, crossLat], at(8), [crossLon + 0.01, crossLat]] },
      ],
    });
    plannerBefore = [];
    for (const distance of steps) {
      plannerBefore.push(await as('planner').coverageByBuurt({ target: 'any', distance, werkgebiedId: werkgebieden.review }));
    }
    before = await as('planner').takeSnapshot(werkgebieden.review, 'Voor de opening');
    const place = await as('facilitator').addAsset({
      kind: 'place',
      category: 'ontmoetingsplek',
      dimensions: ['meedoen', 'zingeving'],
      name: 'Buurthuis De Kroon',
      geometry: pointIn('review', 4),
    });
    await as('facilitator').addStory({ assetId: place.id, body: 'Hier drinken we koffie.' });
    await as('resident').appreciate(place.id);
    after = await as('facilitator').takeSnapshot(werkgebieden.review);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('what a snapshot keeps', () => {
    it('is dated, with its note and how its figures were made', () => {
      expect(before).toMatchObject({ kind: 'manual', month: null, note: 'Voor de opening', werkgebied_id: werkgebieden.review });
      expect(Date.now() - Date.parse(after.taken_at)).toBeLessThan(120_000);
      expect(after.method).toMatchObject({
        step_m: 50,
        max_m: 2000,
        places: 'published',
        walking: { detour_factor: 1.4, networks: [expect.objectContaining({ source: 'snapshot-paden', attribution: 'OpenStreetMap' })] },
      });
      expect(after.method.population).toEqual([
        expect.objectContaining({ source: 'cast-pc4', attribution: 'CBS', spreading: 'areal_weighting' }),
      ]);
      expect(after.residents).toBe(4_000);
      expect(after.residents_65plus).toBe(900);
    });

    it('counts the places, stories and appreciations on the map, per kind, category and dimension', () => {
      const club = { assets: 1, stories: 0, appreciations: 0 };
      expect(before.counts).toEqual({ total: club, by_kind: { place: club }, by_category: { sportclub: club }, by_dimension: {} });
      const one = { assets: 1, stories: 1, appreciations: 1 };
      expect(after.counts).toEqual({
        total: { assets: 2, stories: 1, appreciations: 1 },
        by_kind: { place: { assets: 2, stories: 1, appreciations: 1 } },
        by_category: { ontmoetingsplek: one, sportclub: club },
        by_dimension: { meedoen: one, zingeving: one },
      });
    });

    it("holds, at every 50 m step, exactly the planner's figures per buurt at that moment (straight line)", async () => {
      const comparison = await as('planner').compareSnapshots({ first: before.id, second: after.id, target: 'any', onFoot: false });
      expect(comparison.buurten.map((buurt) => buurt.buurt_code)).toEqual(['', 'BU9990001', 'BU9990002']);
      const planner = as('planner');
      for (const distance of steps) {
        const byBuurt = await planner.coverageByBuurt({ target: 'any', distance, werkgebiedId: werkgebieden.review });
        for (const buurt of comparison.buurten) {
          const code = buurt.buurt_code || null;
          const then = plannerBefore[distance / 50]!.find((row) => row.buurt_code === code)!;
          const now = byBuurt.find((row) => row.buurt_code === code)!;
          expect(buurt.first!.covered[distance / 50], `${code} at ${distance} m before`).toBe(then.residents_covered);
          expect(buurt.second!.covered[distance / 50], `${code} at ${distance} m after`).toBe(now.residents_covered);
          expect(buurt.second!.covered_65plus[distance / 50]).toBe(now.residents_65plus_covered);
          expect(buurt.second!.residents).toBe(now.residents);
        }
      }
      // The new place made a difference somewhere, and the old one already covered someone.
      expect(comparison.buurten.some((buurt) => buurt.second!.covered[10]! > buurt.first!.covered[10]!)).toBe(true);
      expect(comparison.buurten.some((buurt) => buurt.first!.covered[40]! > 0)).toBe(true);
    });

    it('holds the walking figures the planner sees on foot, along the paths and off them', async () => {
      const offNetwork = await count('select sum(cells_off_network) from public.snapshot_buurten where snapshot_id = $1', [after.id]);
      const cellsThere = await count('select sum(cells) from public.snapshot_buurten where snapshot_id = $1', [after.id]);
      expect(offNetwork).toBeGreaterThan(0);
      expect(offNetwork).toBeLessThan(cellsThere);
      const cells = await as('planner').coverageCells({ targets: ['any'], werkgebiedId: werkgebieden.review, onFoot: true });
      const [trendBefore, trendAfter] = await as('planner').snapshotTrend({
        werkgebiedId: werkgebieden.review,
        target: 'any',
        onFoot: true,
      });
      expect([trendBefore!.id, trendAfter!.id]).toEqual([before.id, after.id]);
      for (const distance of steps) {
        const figures = figuresAt(cells, cells.distances.any!, 'any', distance);
        expect(trendAfter!.covered[distance / 50], `${distance} m on foot`).toBe(figures.residents_covered);
        expect(trendAfter!.covered_65plus[distance / 50]).toBe(figures.residents_65plus_covered);
      }
      const straight = await as('planner').snapshotTrend({ werkgebiedId: werkgebieden.review, target: 'any', onFoot: false });
      // On foot is farther: fewer within 500 m than in a straight line.
      expect(trendAfter!.covered[10]).toBeLessThan(straight[1]!.covered[10]!);
    });

    it('keeps a target per category and dimension, and nothing for one no place counts for', async () => {
      const trend = (target: CoverageTarget) => as('planner').snapshotTrend({ werkgebiedId: werkgebieden.review, target, onFoot: false });
      // The new meeting place is the only place of its kind and of 'meedoen'; the sports club the only sports club.
      const [meedoenBefore, meedoenAfter] = await trend('dimension:meedoen');
      expect(meedoenBefore!.covered).toEqual(steps.map(() => 0));
      expect(meedoenAfter!.covered[40]).toBeGreaterThan(0);
      expect((await trend('category:ontmoetingsplek'))[1]!.covered).toEqual(meedoenAfter!.covered);
      const [clubBefore, clubAfter] = await trend('category:sportclub');
      expect(clubAfter!.covered).toEqual(clubBefore!.covered);
      expect(clubAfter!.covered).not.toEqual(meedoenAfter!.covered);
      expect((await trend('dimension:lichaamsfuncties'))[1]!.covered).toEqual(steps.map(() => 0));
    });
  });

  describe.skipIf(skip)('one a month', () => {
    it('is taken once for this month, however often the planner opens', async () => {
      const first = await as('planner').keepMonthlySnapshot(werkgebieden.review);
      expect(first).toMatchObject({ kind: 'monthly', note: null });
      expect(first!.month).toBe(dutchMonth());
      expect(await as('facilitator').keepMonthlySnapshot(werkgebieden.review)).toBeNull();
      const list = await as('planner').listSnapshots(werkgebieden.review);
      expect(list.map((snapshot) => snapshot.kind)).toEqual(['manual', 'manual', 'monthly']);
    });

    it('is taken for every werkgebied by the scheduler, once per month', async () => {
      const take = (day: string) => count('internal.take_monthly_snapshots($1::date)', [day]);
      expect(await take('2026-01-15')).toBe(3);
      expect(await take('2026-01-31')).toBe(0);
      expect(await count("select count(*) from public.snapshots where kind = 'monthly' and month = '2026-01-01'")).toBe(3);
      // A scheduler may run it as the service role too.
      const asServiceRole = await rolledBackAs(
        database.connection,
        claimsOf('serviceRole'),
        async (tx) => (await tx.query<{ n: number }>("select internal.take_monthly_snapshots('2026-02-10') as n")).rows[0]!.n,
      );
      expect(asServiceRole).toBe(3);
    });

    it('stays: only one taken by hand can be deleted, by the staff', async () => {
      const monthly = (await as('planner').listSnapshots(werkgebieden.review)).find((snapshot) => snapshot.kind === 'monthly')!;
      expect(await refusal(as('planner').deleteSnapshot(monthly.id))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'snapshot_monthly',
      });
      const mistake = await as('planner').takeSnapshot(werkgebieden.review, 'Per ongeluk');
      expect(await refusal(as('otherPlanner').deleteSnapshot(mistake.id))).toMatchObject({ kind: 'not_found', detail: 'snapshot' });
      expect(await as('planner').deleteSnapshot(mistake.id)).toEqual({ id: mistake.id });
      expect(await count('select count(*) from public.snapshot_buurten where snapshot_id = $1', [mistake.id])).toBe(0);
    });
  });

  describe.skipIf(skip)('who may', () => {
    it("refuses everyone but the werkgebied's planners, facilitators and admins", async () => {
      for (const actor of ['anon', 'resident', 'keyPerson', 'otherPlanner', 'otherFacilitator'] as const) {
        expect((await refusal(as(actor).takeSnapshot(werkgebieden.review))).kind, actor).toBe('forbidden');
        expect((await refusal(as(actor).listSnapshots(werkgebieden.review))).kind, actor).toBe('forbidden');
        expect((await refusal(as(actor).keepMonthlySnapshot(werkgebieden.review))).kind, actor).toBe('forbidden');
        const compared = await refusal(as(actor).compareSnapshots({ first: before.id, second: after.id, target: 'any', onFoot: false }));
        expect(compared.kind, actor).toMatch(/^(forbidden|not_found)$/);
      }
      expect((await as('werkgebiedAdmin').listSnapshots(werkgebieden.review)).length).toBeGreaterThan(1);
      expect((await as('administrator').listSnapshots(werkgebieden.review)).length).toBeGreaterThan(1);
    });

    it('shows no row of the tables to others, read directly', async () => {
      const rowsFor = (actor: Actor) =>
        rolledBackAs(database.connection, claimsOf(actor), async (tx) => {
          // The review werkgebied's rows (others have their own monthly snapshots).
          const read = async (table: string) =>
            (
              await tx.query<{ n: number }>(
                `select count(*)::int as n from public.${table} t
                 where ${table === 'snapshots' ? 't.id' : 't.snapshot_id'} in (select id from public.snapshots where werkgebied_id = $1)`,
                [werkgebieden.review],
              )
            ).rows[0]!.n;
          return [await read('snapshots'), await read('snapshot_buurten'), await read('snapshot_coverage')];
        });
      const planner = await rowsFor('planner');
      expect(planner.every((rows) => rows > 0)).toBe(true);
      expect(await rowsFor('otherPlanner')).toEqual([0, 0, 0]);
      expect(await rowsFor('resident')).toEqual([0, 0, 0]);
      await expect(rowsFor('anon')).rejects.toThrow(/permission denied/);
    });

    it('writes nothing directly, even for the staff', async () => {
      await expect(
        rolledBackAs(database.connection, claimsOf('planner'), (tx) =>
          tx.query("update public.snapshots set note = 'anders' where werkgebied_id = $1", [werkgebieden.review]),
        ),
      ).rejects.toThrow(/permission denied/);
    });

    it('compares two snapshots of one werkgebied only', async () => {
      const elsewhere = await as('administrator').takeSnapshot(werkgebieden.other);
      expect(
        await refusal(as('administrator').compareSnapshots({ first: before.id, second: elsewhere.id, target: 'any', onFoot: false })),
      ).toMatchObject({ kind: 'invalid_argument', detail: 'snapshot_werkgebied' });
    });
  });

  describe.skipIf(skip)('limits', () => {
    it('refuses a note over 200 characters', async () => {
      expect(await refusal(as('planner').takeSnapshot(werkgebieden.review, 'x'.repeat(201)))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'snapshot_note',
      });
    });

    it('refuses a 501st snapshot by hand', async () => {
      const manual = await count("select count(*) from public.snapshots where werkgebied_id = $1 and kind = 'manual'", [
        werkgebieden.review,
      ]);
      const refused = await rolledBackAs(
        database.connection,
        claimsOf('planner'),
        (tx) =>
          tx
            .query('select public.take_snapshot($1)', [werkgebieden.review])
            .then(() => null)
            .catch((error: Error) => error.message),
        (tx) =>
          tx
            .query(
              `insert into public.snapshots (werkgebied_id, kind, method, counts)
               select $1, 'manual', '{}', '{}' from generate_series(1, 500 - $2::int)`,
              [werkgebieden.review, manual],
            )
            .then(() => undefined),
      );
      expect(refused).toMatch(/at most 500 snapshots/);
    });

    it('refuses a target that is not one', async () => {
      const refused = await refusal(
        as('planner').snapshotTrend({ werkgebiedId: werkgebieden.review, target: 'x'.repeat(101) as 'any', onFoot: false }),
      );
      expect(refused).toMatchObject({ kind: 'invalid_argument', detail: 'target' });
    });
  });
});
