/**
 * Werkgebieden, roles, moderation, history and undo, through the SQL API on
 * both engines (PGlite + PostGIS and PostgreSQL 15 + PostGIS 3), as the
 * embedded backend calls it (role switch + JWT claims per call).
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { refusedRowsOf } from '../../src/backend/apiError';
import { createSqlRpcCall, type Claims } from '../../src/backend/sqlRpc';
import type { AssetFeature, Werkgebied } from '../../src/backend/wireTypes';
import { metresNorthOf, refusal } from '../support/apiFixtures';
import { rolledBackAs } from '../support/roleCast';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { boxGeometry, makeWerkgebied } from '../support/werkgebiedFixtures';

const user = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ids = {
  admin: user(1),
  facilitator: user(2),
  planner: user(3),
  otherPlanner: user(4),
  riet: user(5),
  bas: user(6),
  keyPerson: user(7),
};
const resident = (sub: string): Claims => ({ role: 'authenticated', sub });

// Two werkgebieden far enough apart that no shape of one touches the other.
const merenwijk = { box: [4.5, 52.17, 4.52, 52.19] as [number, number, number, number], at: (m: number) => metresNorthOf(4.51, 52.175, m) };
const katwijk = { box: [4.4, 52.19, 4.42, 52.21] as [number, number, number, number], at: (m: number) => metresNorthOf(4.41, 52.195, m) };

const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('werkgebieden, moderation and history on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (claims: Claims): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claims));
  let admin: WijkkrachtApi;
  let facilitator: WijkkrachtApi;
  let planner: WijkkrachtApi;
  let otherPlanner: WijkkrachtApi;
  let riet: WijkkrachtApi;
  let bas: WijkkrachtApi;
  let anon: WijkkrachtApi;
  let reviewed: Werkgebied;
  let open_: Werkgebied;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    admin = as({ role: 'authenticated', sub: ids.admin, app_metadata: { wijkkracht_role: 'admin' } });
    facilitator = as(resident(ids.facilitator));
    planner = as(resident(ids.planner));
    otherPlanner = as(resident(ids.otherPlanner));
    riet = as(resident(ids.riet));
    bas = as(resident(ids.bas));
    anon = as({ role: 'anon' });
    reviewed = await makeWerkgebied(admin, {
      code: 'WG-MERENWIJK',
      name: 'Leiden Merenwijk',
      box: merenwijk.box,
      reviewFirst: true,
      reportThreshold: 2,
    });
    open_ = await makeWerkgebied(admin, { code: 'WG-KATWIJK', name: 'Katwijk', box: katwijk.box, reviewFirst: false });
    await admin.setMember({ werkgebiedId: reviewed.id, userId: ids.facilitator, role: 'facilitator', displayName: 'Fatima (begeleider)' });
    await admin.setMember({ werkgebiedId: reviewed.id, userId: ids.planner, role: 'planner' });
    await admin.setMember({ werkgebiedId: open_.id, userId: ids.otherPlanner, role: 'planner' });
    await admin.setMember({ werkgebiedId: reviewed.id, userId: ids.keyPerson, role: 'key_person' });
  });
  afterAll(async () => {
    await database?.close();
  });

  const visibleNames = async (api: WijkkrachtApi) =>
    (await api.assetsInBbox({ west: 4.3, south: 52.1, east: 4.6, north: 52.3 })).features.map((feature) => feature.properties.name);

  describe.skipIf(skip)('werkgebieden and roles', () => {
    it('lets only administrators make werkgebieden and werkgebied admins name their people', async () => {
      expect((await refusal(riet.createWerkgebied({ name: 'Eigen rijk', areaCodes: ['WG-KATWIJK'] }))).kind).toBe('forbidden');
      expect((await refusal(facilitator.setMember({ werkgebiedId: reviewed.id, userId: ids.bas, role: 'admin' }))).kind).toBe('forbidden');
      expect((await refusal(admin.createWerkgebied({ name: 'Nergens', areaCodes: ['BESTAAT-NIET'] }))).kind).toBe('not_found');
      expect((await refusal(admin.createWerkgebied({ name: 'Katwijk', areaCodes: ['WG-KATWIJK'] }))).kind).toBe('duplicate');
      const listed = await anon.listWerkgebieden();
      expect(listed.map((werkgebied) => werkgebied.name)).toEqual(['Katwijk', 'Leiden Merenwijk']);
      expect(listed.every((werkgebied) => werkgebied.my_roles.length === 0)).toBe(true);
    });

    it('tells each caller their own roles, and only admins see who the members are', async () => {
      expect(await facilitator.myRoles()).toEqual({
        signed_in: true,
        is_admin: false,
        werkgebieden: [{ id: reviewed.id, role: 'facilitator' }],
      });
      expect(await anon.myRoles()).toMatchObject({ signed_in: false, is_admin: false, werkgebieden: [] });
      expect((await refusal(facilitator.listMembers(reviewed.id))).kind).toBe('forbidden');
      const members = await admin.listMembers(reviewed.id);
      expect(members.map((member) => member.role).sort()).toEqual(['facilitator', 'key_person', 'planner']);
    });

    it('puts a place in the werkgebied it lies in, also one added before the werkgebied existed', async () => {
      const before = await admin.addAsset({ kind: 'place', category: 'park', name: 'Oud park', geometry: metresNorthOf(4.45, 52.25, 0) });
      expect(before.properties.werkgebied_id).toBeNull();
      await makeWerkgebied(admin, { code: 'WG-LATER', name: 'Later', box: [4.44, 52.24, 4.46, 52.26], reviewFirst: true });
      const after = await admin.getAsset(before.id);
      expect(after.feature.properties.werkgebied_id).not.toBeNull();
      expect(after.feature.properties.version).toBe(before.properties.version);
    });

    it('lets only key persons and facilitators add a circle', async () => {
      const circle = { kind: 'group' as const, category: 'ontmoetingsplek', name: 'Cirkel van Ans', geometry: merenwijk.at(5) };
      expect((await refusal(riet.addAsset(circle))).kind).toBe('forbidden');
      expect((await as(resident(ids.keyPerson)).addAsset(circle)).properties.kind).toBe('group');
    });

    it("refuses a resident's shape larger than the werkgebied, but not a facilitator's", async () => {
      const huge = { kind: 'area' as const, category: 'park', name: 'Heel Nederland', geometry: boxGeometry([3.3, 50.7, 7.2, 53.6]) };
      expect(await refusal(riet.addAsset(huge))).toMatchObject({ kind: 'invalid_geometry', detail: 'too_large' });
      const longWalk = {
        kind: 'route' as const,
        category: 'wandelroute',
        name: 'Naar Den Haag',
        geometry: { type: 'LineString' as const, coordinates: [merenwijk.at(0).coordinates, [4.3, 52.08]] },
      };
      expect(await refusal(riet.addAsset(longWalk))).toMatchObject({ kind: 'invalid_geometry', detail: 'too_large' });
      const block = {
        kind: 'area' as const,
        category: 'park',
        name: 'Merenpark',
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [4.505, 52.175],
              [4.515, 52.175],
              [4.515, 52.185],
              [4.505, 52.175],
            ],
          ],
        },
      };
      expect((await riet.addAsset(block)).properties.status).toBe('pending');
      // Larger than the werkgebied itself: too large for a resident, fine for its facilitator.
      const wholeArea = { ...huge, name: 'Hele Merenwijk', geometry: boxGeometry([4.495, 52.165, 4.525, 52.195]) };
      expect(await refusal(riet.addAsset(wholeArea))).toMatchObject({ kind: 'invalid_geometry', detail: 'too_large' });
      expect((await facilitator.addAsset(wholeArea)).properties.status).toBe('published');
    });
  });

  describe.skipIf(skip)('moderation', () => {
    let place: AssetFeature;

    it('keeps a resident’s place pending in a werkgebied that reviews first: seen by its author and the reviewers only', async () => {
      place = await riet.addAsset({
        kind: 'place',
        category: 'ontmoetingsplek',
        name: 'Koffie bij Riet',
        geometry: merenwijk.at(100),
        story: 'Elke woensdag open.',
      });
      expect(place.properties).toMatchObject({ status: 'pending', mine: true, werkgebied_id: reviewed.id });
      expect(await visibleNames(riet)).toContain('Koffie bij Riet');
      expect(await visibleNames(planner)).toContain('Koffie bij Riet');
      expect(await visibleNames(bas)).not.toContain('Koffie bij Riet');
      expect(await visibleNames(anon)).not.toContain('Koffie bij Riet');
      expect(await visibleNames(otherPlanner)).not.toContain('Koffie bij Riet');
      expect((await refusal(bas.getAsset(place.id))).kind).toBe('not_found');
      const published = await bas.addAsset({ kind: 'place', category: 'park', name: 'Duinpad', geometry: katwijk.at(50) });
      expect(published.properties.status).toBe('published');
    });

    it('lists it in the queue of the werkgebied’s facilitators only, and lets only them decide', async () => {
      const queue = await facilitator.moderationQueue();
      expect(
        queue
          .filter((item) => item.asset_id === place.id)
          .map((item) => item.item_type)
          .sort(),
      ).toEqual(['asset', 'story']);
      expect(queue.every((item) => item.werkgebied_id === reviewed.id)).toBe(true);
      expect(await planner.moderationQueue()).toEqual([]);
      expect((await refusal(planner.moderate('asset', place.id, 'approve'))).kind).toBe('forbidden');
      expect((await refusal(riet.moderate('asset', place.id, 'approve'))).kind).toBe('forbidden');
      expect(await refusal(facilitator.moderate('asset', place.id, 'reject'))).toMatchObject({ kind: 'required', detail: 'reason' });
    });

    it('publishes it when a facilitator approves, for everyone', async () => {
      const approved = (await facilitator.moderate('asset', place.id, 'approve')) as AssetFeature;
      expect(approved.properties).toMatchObject({ status: 'published', version: 2, mine: false });
      expect(await visibleNames(anon)).toContain('Koffie bij Riet');
      // The story waits for its own approval.
      expect((await anon.getAsset(place.id)).stories).toEqual([]);
      const story = (await facilitator.moderationQueue()).find((item) => item.item_type === 'story' && item.asset_id === place.id);
      await facilitator.moderate('story', story!.id, 'approve');
      expect((await anon.getAsset(place.id)).stories.map((each) => each.body)).toEqual(['Elke woensdag open.']);
    });

    it('hides a place after the werkgebied’s number of reports, until a facilitator looks', async () => {
      expect(await bas.reportItem('asset', place.id, 'Bestaat niet meer')).toEqual({ reports: 1, hidden: false });
      expect(await refusal(bas.reportItem('asset', place.id, 'Nog eens'))).toMatchObject({ kind: 'duplicate' });
      expect(await as(resident(ids.admin)).reportItem('asset', place.id, 'Dicht')).toEqual({ reports: 2, hidden: true });
      expect(await visibleNames(anon)).not.toContain('Koffie bij Riet');
      expect((await riet.getAsset(place.id)).feature.properties.status).toBe('hidden');
      const queued = (await facilitator.moderationQueue()).find((item) => item.id === place.id);
      expect(queued?.reports.map((report) => report.reason).sort()).toEqual(['Bestaat niet meer', 'Dicht']);
      await facilitator.moderate('asset', place.id, 'approve');
      expect(await visibleNames(anon)).toContain('Koffie bij Riet');
      expect((await facilitator.moderationQueue()).find((item) => item.id === place.id)).toBeUndefined();
    });

    it('offers, per status, exactly the decisions moderate accepts (the queue sends them to the app)', async () => {
      const decisionsFor = async (status: string) =>
        (await database.connection.query<{ d: string[] }>('select internal.moderation_decisions($1::public.asset_status) as d', [status]))
          .rows[0]!.d;
      expect(await decisionsFor('pending')).toEqual(['approve', 'reject']);
      expect(await decisionsFor('hidden')).toEqual(['approve', 'reject', 'restore']);
      // A reported published item can be kept (its reports closed) or rejected.
      expect(await decisionsFor('published')).toEqual(['approve', 'reject']);
      expect(await decisionsFor('rejected')).toEqual(['restore']);
      expect(await decisionsFor('archived')).toEqual(['restore']);
      const pending = (await facilitator.moderationQueue()).find((item) => item.status === 'pending');
      expect(pending?.decisions).toEqual(['approve', 'reject']);
      expect(await refusal(facilitator.moderate('asset', pending!.id, 'restore'))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'status',
      });
    });

    it('lets a facilitator keep a reported place as it is, which closes its reports', async () => {
      const kept = await facilitator.addAsset({ kind: 'place', category: 'park', name: 'Omstreden bankje', geometry: merenwijk.at(700) });
      await bas.reportItem('asset', kept.id, 'Staat er niet meer');
      expect((await facilitator.moderationQueue()).map((item) => item.id)).toContain(kept.id);
      const decided = (await facilitator.moderate('asset', kept.id, 'approve')) as AssetFeature;
      expect(decided.properties).toMatchObject({ status: 'published', version: kept.properties.version });
      expect((await facilitator.moderationQueue()).map((item) => item.id)).not.toContain(kept.id);
      // Closed, so the same person may report it again.
      expect(await bas.reportItem('asset', kept.id, 'Echt weg nu')).toEqual({ reports: 1, hidden: false });
    });

    it('rejects with a reason only the author and reviewers see', async () => {
      const spam = await riet.addAsset({ kind: 'place', category: 'park', name: 'Reclame', geometry: merenwijk.at(300) });
      const rejected = (await facilitator.moderate('asset', spam.id, 'reject', 'Dit is reclame, geen plek.')) as AssetFeature;
      expect(rejected.properties).toMatchObject({ status: 'rejected', moderation_note: 'Dit is reclame, geen plek.' });
      expect((await riet.getAsset(spam.id)).feature.properties.moderation_note).toBe('Dit is reclame, geen plek.');
      expect((await refusal(bas.getAsset(spam.id))).kind).toBe('not_found');
      expect((await refusal(riet.updateAsset(spam.id, rejected.properties.version, { name: 'Toch' }))).kind).toBe('forbidden');
    });
  });

  describe.skipIf(skip)('history and undo', () => {
    /** Every change of one asset, as stored (geometry included). */
    const changesOf = async (id: string) =>
      (
        await database.connection.query<{
          id: number;
          operation: string;
          old_values: Record<string, unknown> | null;
          new_values: Record<string, unknown>;
        }>(`select id::int, operation, old_values, new_values from public.changes where item_type = 'asset' and item_id = $1 order by id`, [
          id,
        ])
      ).rows;
    const snapshotOf = async (id: string) =>
      (
        await database.connection.query<{ snapshot: Record<string, unknown> }>(
          'select internal.asset_snapshot(a) as snapshot from public.assets a where a.id = $1',
          [id],
        )
      ).rows[0]!.snapshot;

    it('ends where a replay of its history says, after edits, archive, restore and undo', async () => {
      const place = await bas.addAsset({ kind: 'place', category: 'park', name: 'Speeltuin', geometry: katwijk.at(200) });
      let version = place.properties.version;
      const step = async (work: Promise<AssetFeature | { properties: { version: number } }>) => {
        version = (await work).properties.version;
      };
      await step(bas.updateAsset(place.id, version, { name: 'Speeltuin De Duinen' }));
      await step(bas.updateAsset(place.id, version, { description: 'Met een schommel', category: 'sportclub' }));
      await step(bas.updateAsset(place.id, version, { geometry: katwijk.at(260) }));
      await step(bas.archiveAsset(place.id, version));
      await step(bas.restoreAsset(place.id));
      const history = await bas.itemHistory('asset', place.id);
      expect(history.map((entry) => entry.operation)).toEqual(['add', 'edit', 'edit', 'edit', 'archive', 'restore']);
      expect(history.every((entry) => entry.who === 'you' && entry.who_name === null)).toBe(true);
      expect(history[2]!.fields).toEqual(['category', 'description']);
      // Undo the name change: only that field goes back.
      await step(bas.undoChange(history[1]!.id) as Promise<AssetFeature>);
      // Undo the undo: the name comes back.
      const afterUndo = await bas.itemHistory('asset', place.id);
      expect(afterUndo.at(-1)).toMatchObject({ operation: 'undo', undoes: history[1]!.id });
      await step(bas.undoChange(afterUndo.at(-1)!.id) as Promise<AssetFeature>);
      // Undo the move.
      await step(bas.undoChange(history[3]!.id) as Promise<AssetFeature>);

      const current = (await bas.getAsset(place.id)).feature.properties;
      expect(current).toMatchObject({ name: 'Speeltuin De Duinen', category: 'sportclub', status: 'published', version: 9 });
      expect((await bas.getAsset(place.id)).feature.geometry).toEqual(katwijk.at(200));

      // Replay: start from what was added, check each change starts where the one before ended, apply it.
      const changes = await changesOf(place.id);
      let state = changes[0]!.new_values;
      for (const change of changes.slice(1)) {
        for (const [field, before] of Object.entries(change.old_values ?? {})) {
          expect({ change: change.id, field, value: state[field] }).toEqual({ change: change.id, field, value: before });
        }
        state = { ...state, ...change.new_values };
      }
      expect(isDeepStrictEqual(state, await snapshotOf(place.id))).toBe(true);
    });

    it('keeps an add for each place of one import, with its werkgebied and all it holds, by the importer', async () => {
      const report = await facilitator.importAssets({
        source: 'osm',
        attribution: '© OpenStreetMap-bijdragers',
        rows: [0, 1, 2].map((n) => ({
          row: n + 1,
          kind: 'place',
          category: 'buurthuis',
          name: `Buurthuis ${n}`,
          geometry: merenwijk.at(100 * n),
          source_id: `node/history-${n}`,
        })),
      });
      const added = report.rows.map((row) => row.id!);
      expect(added).toHaveLength(3);
      for (const id of added) {
        const changes = await changesOf(id);
        expect(changes.map((change) => change.operation)).toEqual(['add']);
        expect(isDeepStrictEqual(changes[0]!.new_values, await snapshotOf(id))).toBe(true);
      }
      const { rows } = await database.connection.query<{ werkgebied_id: string; changed_by: string }>(
        `select werkgebied_id, changed_by from public.changes where item_type = 'asset' and item_id = any ($1::uuid[])`,
        [added],
      );
      expect(rows).toEqual(added.map(() => ({ werkgebied_id: reviewed.id, changed_by: ids.facilitator })));
    });

    it('keeps the history and coverage of a direct write that claims to be an import in bulk', async () => {
      // Only a function running as the database owner may mark its transaction; the setting alone is not enough.
      const outcome = await rolledBackAs(database.connection, { role: 'service_role' }, (tx) =>
        tx.query('insert into internal.bulk_adds (txid) values (txid_current())').then(
          () => 'marked',
          (error: { code?: string }) => error.code,
        ),
      );
      expect(outcome).toBe('42501');
      const kept = await rolledBackAs(database.connection, { role: 'service_role' }, async (tx) => {
        await tx.query("select set_config('wijkkracht.bulk_add', 'on', true)");
        const [{ id }] = (
          await tx.query<{ id: string }>(
            `insert into public.assets (kind, category, name, geom)
             values ('place', 'park', 'Direct', extensions.st_setsrid(extensions.st_makepoint(4.41, 52.2), 4326)) returning id`,
          )
        ).rows as [{ id: string }];
        await tx.query('reset role');
        const history = await tx.query<{ operation: string }>(
          "select operation from public.changes where item_type = 'asset' and item_id = $1",
          [id],
        );
        const counted = await tx.query('select 1 from internal.coverage_assets where asset_id = $1', [id]);
        return { history: history.rows.map((row) => row.operation), counted: counted.rows.length };
      });
      expect(kept).toEqual({ history: ['add'], counted: 1 });
    });

    it('refuses to undo a change that was changed again since, and someone else’s change', async () => {
      const place = await bas.addAsset({ kind: 'place', category: 'park', name: 'Bankje', geometry: katwijk.at(400) });
      const renamed = await bas.updateAsset(place.id, 1, { name: 'Bankje aan zee' });
      await bas.updateAsset(place.id, renamed.properties.version, { name: 'Bankje bij de boulevard' });
      const history = await bas.itemHistory('asset', place.id);
      expect(await refusal(bas.undoChange(history[1]!.id))).toMatchObject({ kind: 'stale_version' });
      expect((await refusal(riet.undoChange(history[2]!.id))).kind).toBe('forbidden');
      expect((await refusal(riet.itemHistory('asset', place.id))).kind).toBe('forbidden');
    });

    it('lets the author undo their own add (the place is archived, not deleted), not a moderator’s decision', async () => {
      const place = await riet.addAsset({ kind: 'place', category: 'park', name: 'Vergissing', geometry: merenwijk.at(500) });
      await facilitator.moderate('asset', place.id, 'reject', 'Dubbel');
      const history = await riet.itemHistory('asset', place.id);
      expect(history.map((entry) => [entry.operation, entry.who, entry.who_name, entry.can_undo])).toEqual([
        ['add', 'you', null, true],
        ['reject', 'member', 'Fatima (begeleider)', false],
      ]);
      expect((await refusal(riet.undoChange(history[1]!.id))).kind).toBe('forbidden');
      const facilitatorView = await facilitator.itemHistory('asset', place.id);
      expect(facilitatorView[0]!.who).toBe('resident');
      await facilitator.undoChange(facilitatorView[1]!.id);
      const own = await riet.itemHistory('asset', place.id);
      await riet.undoChange(own[0]!.id);
      expect((await riet.getAsset(place.id)).feature.properties.status).toBe('archived');
      const stored = await database.connection.query('select 1 from public.assets where id = $1', [place.id]);
      expect(stored.rows).toHaveLength(1);
    });
  });

  describe.skipIf(skip)('retries, archives and what-if', () => {
    it('writes a retried contribution once: the same idempotency key returns the first result', async () => {
      const key = '5e1f0000-0000-4000-8000-000000000001';
      const first = await bas.addAsset({
        kind: 'place',
        category: 'park',
        name: 'Eenmaal',
        geometry: katwijk.at(600),
        idempotencyKey: key,
      });
      const again = await bas.addAsset({
        kind: 'place',
        category: 'park',
        name: 'Eenmaal',
        geometry: katwijk.at(600),
        idempotencyKey: key,
      });
      expect(again.id).toBe(first.id);
      const { rows } = await database.connection.query("select count(*)::int as n from public.assets where name = 'Eenmaal'");
      expect(rows[0]).toEqual({ n: 1 });
      expect(await refusal(bas.addStory({ assetId: first.id, body: 'Hoi', idempotencyKey: key }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'idempotency_key',
      });
      // Another person's key is theirs alone.
      expect(
        (await riet.addAsset({ kind: 'place', category: 'park', name: 'Eenmaal', geometry: katwijk.at(610), idempotencyKey: key })).id,
      ).not.toBe(first.id);
    });

    it('never quotes a refused row back (its author is in it): the constraint is named instead', async () => {
      const refused = await refusal(
        admin.importAssets({
          source: 'te-lang',
          attribution: null,
          rows: [
            { row: 1, kind: 'place', category: 'park', name: 'Lang verhaal', geometry: katwijk.at(800), description: 'x'.repeat(5001) },
          ],
        }),
      );
      expect(refusedRowsOf(refused)).toEqual([expect.objectContaining({ row: 1, code: '23514', detail: 'assets_description_check' })]);
      expect(JSON.stringify(refused)).not.toMatch(/Failing row/);
    });

    it('sends a published place its author moves into a werkgebied that checks first back to review', async () => {
      const place = await riet.addAsset({ kind: 'place', category: 'park', name: 'Verhuisd', geometry: katwijk.at(900) });
      expect(place.properties.status).toBe('published');
      const moved = await riet.updateAsset(place.id, place.properties.version, { geometry: merenwijk.at(900) });
      expect(moved.properties).toMatchObject({ status: 'pending', werkgebied_id: reviewed.id });
      expect(await visibleNames(bas)).not.toContain('Verhuisd');
    });

    it('refuses a story on an archived place', async () => {
      const place = await bas.addAsset({ kind: 'place', category: 'park', name: 'Weg', geometry: katwijk.at(700) });
      await bas.archiveAsset(place.id, 1);
      expect(await refusal(bas.addStory({ assetId: place.id, body: 'Te laat' }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'archived',
      });
    });

    it('counts only the cells of a chosen werkgebied, and bounds the what-if candidates', async () => {
      // Two 100 m cells in RD New: the one around Katwijk's centre, and one far outside any werkgebied.
      const { rows } = await database.connection.query<{ x: number; y: number }>(
        `select floor(extensions.st_x(p) / 100)::int as x, floor(extensions.st_y(p) / 100)::int as y
         from (select extensions.st_transform(extensions.st_setsrid(extensions.st_makepoint(4.41, 52.2), 4326), 28992) as p) q`,
      );
      const katwijkCell = { id: `E${rows[0]!.x}N${rows[0]!.y}`, x: rows[0]!.x * 100 + 50, y: rows[0]!.y * 100 + 50 };
      for (const cell of [katwijkCell, { id: 'E1100N4600', x: 110050, y: 460050 }]) {
        await database.connection.query(
          `insert into public.population_cells (cell_id, geom, centre, residents, residents_65plus)
           values ($1, extensions.st_makeenvelope($2 - 50, $3 - 50, $2 + 50, $3 + 50, 28992),
                   extensions.st_setsrid(extensions.st_makepoint($2, $3), 28992), 100, 20)`,
          [cell.id, cell.x, cell.y],
        );
      }
      expect(await anon.coverage({ target: 'any', distance: 2000, werkgebiedId: open_.id })).toMatchObject({ cells: 1, residents: 100 });
      expect(await anon.coverage({ target: 'any', distance: 2000 })).toMatchObject({ cells: 2, residents: 200 });
      expect((await anon.gapCells({ target: 'any', distance: 0, werkgebiedId: open_.id })).features.map((cell) => cell.id)).toEqual([
        katwijkCell.id,
      ]);
      expect(
        (await refusal(anon.coverage({ target: 'any', distance: 100, werkgebiedId: '0dd00000-0000-4000-8000-000000000000' }))).kind,
      ).toBe('not_found');
      const point = { type: 'Point' as const, coordinates: [4.41, 52.2] as [number, number] };
      expect(await refusal(anon.coverage({ target: 'any', distance: 100, candidates: Array(21).fill(point) }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'candidates',
      });
      const line = {
        type: 'LineString',
        coordinates: [
          [4.41, 52.2],
          [4.42, 52.2],
        ],
      } as unknown as typeof point;
      expect(await refusal(anon.gapCells({ target: 'any', distance: 100, candidates: [line] }))).toMatchObject({ detail: 'candidates' });
      expect((await anon.coverageCurve({ target: 'any', candidates: Array(20).fill(point) })).length).toBe(41);
    });
  });
});
