/**
 * Own target groups (supabase/schemas/17_target_groups.sql), on both engines:
 * members per postcode spread over the cells by their residents, exactly; the
 * coverage a planner sees equals a brute-force count over the kept distances,
 * rounded to 5, and nothing below 5 is ever given, per werkgebied or buurt;
 * only the werkgebied's staff load and read a group; no count per postcode
 * or cell is readable by any API role.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { ShownCoverage, TargetGroupImportReport } from '../../src/backend/wireTypes';
import { refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { castRoles, claimsOf, pointIn, polygonAround, reviewBuurtenWithResidents, rolledBackAs, type Actor } from '../support/roleCast';

const engines = sqlEngines(inject('sqlSetup'));

/** The rule the database keeps, written out again: rounded to 5, nothing below 5. */
function expectedShown(total: number, covered: number): ShownCoverage {
  const rounded = (count: number) => Math.round(count / 5) * 5;
  if (total < 5) return { total: null, covered: null, few: 'total' };
  if (covered < 5) return { total: rounded(total), covered: null, few: 'covered' };
  if (total - covered < 5) return { total: rounded(total), covered: null, few: 'uncovered' };
  return { total: rounded(total), covered: rounded(covered), few: null };
}

describe.each(engines)('own target groups on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  let werkgebieden: Awaited<ReturnType<typeof castRoles>>;
  const number = async (sql: string, parameters: unknown[] = []) =>
    (await database.connection.query<{ n: number }>(`select (${sql})::float8 as n`, parameters)).rows[0]!.n;
  const members = [
    { row: 2, postcode: '9990', members: 117 },
    { row: 3, postcode: '9990 ab', members: 6 },
    { row: 4, postcode: '9980', members: 40 },
  ];
  let preview: TargetGroupImportReport;
  let saved: TargetGroupImportReport;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    werkgebieden = await castRoles(as);
    const administrator = as('administrator');
    // Postcode area 9990 gives a members file without shapes its shape; 9980 lies in the werkgebied 'other'.
    await reviewBuurtenWithResidents(administrator, {
      otherAreas: [{ code: '9980', geometry: polygonAround(5.75, 52.05, 0.004, 12), residents: 1_000 }],
    });
    await as('facilitator').addAsset({ kind: 'place', category: 'buurthuis', name: 'Buurthuis', geometry: pointIn('review', 4) });
    const rows = members.map((row) => ({ ...row, postcode: row.postcode.replace(' ', '').toUpperCase() }));
    preview = await as('planner').importTargetGroup({ werkgebiedId: werkgebieden.review, name: 'Diabetes-coöperatie', rows, dryRun: true });
    saved = await as('planner').importTargetGroup({ werkgebiedId: werkgebieden.review, name: 'Diabetes-coöperatie', rows });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('loading a members file', () => {
    it('previews with counts rounded to 5 and writes nothing', () => {
      expect(preview).toEqual({
        dry_run: true,
        name: 'Diabetes-coöperatie',
        areas: 3,
        areas_placed: 2,
        areas_by_pc4: 1,
        areas_outside: 1,
        members_in: 165,
        members_placed: 125,
        problems: [],
        written: false,
      });
      expect(saved).toMatchObject({ dry_run: false, written: true, members_placed: 125 });
    });

    it("spreads each area's members over its cells by their residents, to the exact total", async () => {
      expect(await number('select sum(members) from internal.target_group_cells')).toBeCloseTo(123, 9);
      // Both rows lie in 9990: each cell holds the same number of members per resident.
      const spread = await number(
        `select max(m.members / c.residents) - min(m.members / c.residents)
         from internal.target_group_cells m join public.population_cells c using (cell_id)`,
      );
      expect(spread).toBeLessThan(1e-12);
      expect(await number('select count(*) from internal.target_group_cells')).toBeGreaterThan(100);
    });

    it('refuses the whole file for a row it cannot place, naming the row but not its count', async () => {
      const before = await number('select count(*) from internal.target_group_cells');
      const report = await as('facilitator').importTargetGroup({
        werkgebiedId: werkgebieden.review,
        name: 'Fout',
        rows: [
          { row: 2, postcode: '9990', members: 10 },
          { row: 3, postcode: '9999', members: 10 },
          { row: 4, postcode: 'ABCD', members: 10 },
          { row: 5, postcode: '9990', members: 10 },
          { row: 6, postcode: '9990CD', members: 1.5 },
          { row: 7, postcode: '9991', members: 10, geometry: polygonAround(6.5, 52.5, 0.002, 8) },
        ],
      });
      expect(report.written).toBe(false);
      expect(report.problems).toEqual([
        { row: 3, postcode: '9999', problem: 'unknown_postcode' },
        { row: 4, postcode: 'ABCD', problem: 'bad_postcode' },
        { row: 5, postcode: '9990', problem: 'repeated' },
        { row: 6, postcode: '9990CD', problem: 'bad_members' },
        { row: 7, postcode: '9991', problem: 'no_cells' },
      ]);
      expect(await number("select count(*) from public.target_groups where name = 'Fout'")).toBe(0);
      expect(await number('select count(*) from internal.target_group_cells')).toBe(before);
    });

    it('replaces the counts when the same name comes again', async () => {
      const again = await as('planner').importTargetGroup({
        werkgebiedId: werkgebieden.review,
        name: 'Diabetes-coöperatie',
        rows: [{ row: 2, postcode: '9990', members: 60 }],
      });
      expect(again.id).toBe(saved.id);
      expect(await number('select sum(members) from internal.target_group_cells where group_id = $1', [saved.id])).toBeCloseTo(60, 9);
      await as('planner').importTargetGroup({
        werkgebiedId: werkgebieden.review,
        name: 'Diabetes-coöperatie',
        rows: members.map((row) => ({ ...row, postcode: row.postcode.replace(' ', '').toUpperCase() })),
      });
    });

    it('refuses a name over 100 characters and more than 20 000 rows', async () => {
      const load = (name: string, count: number) =>
        as('planner').importTargetGroup({
          werkgebiedId: werkgebieden.review,
          name,
          rows: Array.from({ length: count }, (_, index) => ({ row: index + 2, postcode: '9990', members: 1 })),
        });
      expect(await refusal(load('x'.repeat(101), 1))).toMatchObject({ kind: 'invalid_argument', detail: 'target_group_name' });
      expect(await refusal(load('Te veel', 20_001))).toMatchObject({ kind: 'invalid_argument', detail: 'too_many_rows' });
    });
  });

  describe.skipIf(skip)('what a planner sees', () => {
    /** As the database's owner: members within each step, per buurt and for the werkgebied, from the raw cells. */
    async function bruteForce(target: string, onFoot: boolean) {
      const { rows } = await database.connection.query<{ buurt_code: string; members: number; distance_m: number | null }>(
        `select coalesce(c.buurt_code, '') as buurt_code, m.members::float8 as members,
                case when $2 then round((k.distance_m * 1.4)::numeric, 2)::float8 else k.distance_m end as distance_m
         from internal.target_group_cells m join public.population_cells c using (cell_id)
         left join internal.cell_nearest k on k.cell_id = c.cell_id and k.target = $1
         where m.group_id = $3`,
        [target, onFoot, saved.id],
      );
      const within = (buurt: string | null, step: number) => {
        const mine = rows.filter((row) => buurt === null || row.buurt_code === buurt);
        const total = mine.reduce((sum, row) => sum + row.members, 0);
        const covered = mine.filter((row) => row.distance_m !== null && row.distance_m <= 2000 && row.distance_m <= step * 50);
        return expectedShown(
          total,
          covered.reduce((sum, row) => sum + row.members, 0),
        );
      };
      const steps = (buurt: string | null) => Array.from({ length: 41 }, (_, step) => within(buurt, step));
      return {
        werkgebied: steps(null),
        buurten: [...new Set(rows.map((row) => row.buurt_code))].sort().map((code) => ({ buurt_code: code, steps: steps(code) })),
      };
    }

    it('is the brute-force count at every step, rounded to 5 and withheld below 5 (straight and on foot)', async () => {
      for (const onFoot of [false, true]) {
        const coverage = await as('planner').targetGroupCoverage({ groupId: saved.id!, target: 'any', onFoot });
        const expected = await bruteForce('any', onFoot);
        expect(coverage.werkgebied).toEqual(expected.werkgebied);
        expect(coverage.buurten).toEqual(expected.buurten);
        // The case is not empty: some steps show a count, some withhold it.
        expect(coverage.werkgebied.some((step) => step.covered !== null)).toBe(true);
        expect(coverage.werkgebied.some((step) => step.few === 'covered')).toBe(true);
      }
    });

    it('gives nothing but rounded figures: no cell, no postcode, no exact count', async () => {
      const coverage = await as('planner').targetGroupCoverage({ groupId: saved.id!, target: 'any', onFoot: false });
      expect(Object.keys(coverage).sort()).toEqual(['buurten', 'id', 'name', 'on_foot', 'step_m', 'target', 'threshold', 'werkgebied']);
      const counts = [...coverage.werkgebied, ...coverage.buurten.flatMap((buurt) => buurt.steps)].flatMap((step) => [
        step.total,
        step.covered,
      ]);
      expect(counts.every((count) => count === null || (count >= 5 && count % 5 === 0))).toBe(true);
      const [group] = await as('planner').listTargetGroups(werkgebieden.review);
      expect(group).toMatchObject({ name: 'Diabetes-coöperatie', members: 125 });
    });

    it('keeps the rule itself: rounded to 5, and neither side of "within reach" below 5', async () => {
      const shown = async (total: number, covered: number) =>
        (await database.connection.query<{ s: ShownCoverage }>('select internal.shown_coverage($1, $2) as s', [total, covered])).rows[0]!.s;
      for (const [total, covered] of [
        [4.9, 0],
        [50, 4.9],
        [50, 45.1],
        [52, 23],
        [53, 27.5],
        [5, 5],
      ] as const) {
        expect(await shown(total, covered), `${total}, ${covered}`).toEqual(expectedShown(total, covered));
      }
    });

    it('withholds a group of fewer than 5 everywhere', async () => {
      const tiny = await as('planner').importTargetGroup({
        werkgebiedId: werkgebieden.review,
        name: 'Klein',
        rows: [{ row: 2, postcode: '9990', members: 4 }],
      });
      expect(tiny).toMatchObject({ written: true, members_in: null, members_placed: null });
      const coverage = await as('planner').targetGroupCoverage({ groupId: tiny.id!, target: 'any', onFoot: false });
      expect(
        [...coverage.werkgebied, ...coverage.buurten.flatMap((buurt) => buurt.steps)].every(
          (step) => step.few === 'total' && step.total === null,
        ),
      ).toBe(true);
      expect((await as('planner').listTargetGroups(werkgebieden.review)).find((group) => group.name === 'Klein')!.members).toBeNull();
      await as('planner').deleteTargetGroup(tiny.id!);
      expect(await number('select count(*) from internal.target_group_cells where group_id = $1', [tiny.id])).toBe(0);
    });
  });

  describe.skipIf(skip)('who may', () => {
    it("refuses everyone but the werkgebied's planners, facilitators and admins", async () => {
      for (const actor of ['anon', 'resident', 'keyPerson', 'otherPlanner', 'otherFacilitator'] as const) {
        const rows = [{ row: 2, postcode: '9990', members: 10 }];
        expect((await refusal(as(actor).importTargetGroup({ werkgebiedId: werkgebieden.review, name: actor, rows }))).kind, actor).toBe(
          'forbidden',
        );
        expect((await refusal(as(actor).listTargetGroups(werkgebieden.review))).kind, actor).toBe('forbidden');
        expect((await refusal(as(actor).targetGroupCoverage({ groupId: saved.id!, target: 'any', onFoot: false }))).kind, actor).toMatch(
          /^(forbidden|not_found)$/,
        );
        expect((await refusal(as(actor).deleteTargetGroup(saved.id!))).kind, actor).toMatch(/^(forbidden|not_found)$/);
      }
      for (const actor of ['facilitator', 'werkgebiedAdmin', 'administrator'] as const) {
        expect(
          (await as(actor).listTargetGroups(werkgebieden.review)).map((group) => group.name),
          actor,
        ).toEqual(['Diabetes-coöperatie']);
      }
    });

    it('lets no API role read the members per cell, and others not even the name', async () => {
      for (const actor of ['planner', 'administrator', 'anon'] as const) {
        await expect(
          rolledBackAs(database.connection, claimsOf(actor), (tx) => tx.query('select members from internal.target_group_cells')),
          actor,
        ).rejects.toThrow(/permission denied/);
      }
      const names = (actor: Actor) =>
        rolledBackAs(
          database.connection,
          claimsOf(actor),
          async (tx) => (await tx.query<{ name: string }>('select name from public.target_groups')).rows,
        );
      expect(await names('planner')).toEqual([{ name: 'Diabetes-coöperatie' }]);
      expect(await names('otherPlanner')).toEqual([]);
      expect(await names('resident')).toEqual([]);
    });
  });
});
