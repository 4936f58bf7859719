/**
 * Workshop sessions through the SQL API on both engines (PGlite + PostGIS and
 * PostgreSQL 15 + PostGIS 3): join codes, membership, phases, contributions,
 * appreciations, actions, the overview, and one Realtime broadcast per change
 * (written to the stand-in realtime.messages, supabase/local/realtime-shim.sql).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import type { WorkshopSession } from '../../src/backend/sessionWireTypes';
import { createSqlRpcCall, type Claims } from '../../src/backend/sqlRpc';
import type { Werkgebied } from '../../src/backend/wireTypes';
import { metresNorthOf, refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { makeWerkgebied } from '../support/werkgebiedFixtures';

const user = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const ids = { admin: user(1), fatima: user(2), riet: user(3), bas: user(4), kees: user(5), guesser: user(6) };
const resident = (sub: string): Claims => ({ role: 'authenticated', sub });
const at = (metres: number) => metresNorthOf(4.51, 52.175, metres);

const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('workshop sessions on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (claims: Claims): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claims));
  let admin: WijkkrachtApi;
  let fatima: WijkkrachtApi; // facilitator of Merenwijk
  let riet: WijkkrachtApi;
  let bas: WijkkrachtApi;
  let kees: WijkkrachtApi; // joins the other session only
  let merenwijk: Werkgebied;
  let session: WorkshopSession;
  let otherSession: WorkshopSession;

  /** A query as an API role, the way PostgREST or Realtime would run it. */
  async function selectAs<Row>(claims: Claims, sql: string, settings: Record<string, string> = {}): Promise<Row[]> {
    return database.connection.transaction(async (tx) => {
      await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
        claims.role,
        JSON.stringify(claims),
      ]);
      for (const [name, value] of Object.entries(settings)) await tx.query('select set_config($1, $2, true)', [name, value]);
      return (await tx.query<Row>(sql)).rows;
    });
  }
  async function messagesOn(topic: string): Promise<{ event: string; payload: { table: string; op: string; id: string } }[]> {
    const { rows } = await database.connection.query<{ event: string; payload: { table: string; op: string; id: string } }>(
      'select event, payload from realtime.messages where topic = $1 order by inserted_at, id',
      [topic],
    );
    return rows;
  }

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    admin = as({ role: 'authenticated', sub: ids.admin, app_metadata: { wijkkracht_role: 'admin' } });
    fatima = as(resident(ids.fatima));
    riet = as(resident(ids.riet));
    bas = as(resident(ids.bas));
    kees = as(resident(ids.kees));
    merenwijk = await makeWerkgebied(admin, { code: 'WS-MERENWIJK', name: 'Merenwijk', box: [4.5, 52.17, 4.52, 52.19], reviewFirst: true });
    await admin.setMember({ werkgebiedId: merenwijk.id, userId: ids.fatima, role: 'facilitator' });
    session = await fatima.createSession({ werkgebiedId: merenwijk.id, title: 'Wat houdt de Merenwijk gezond?' });
    otherSession = await fatima.createSession({
      werkgebiedId: merenwijk.id,
      title: 'Tweede avond',
      publishAtOnce: false,
      showFirstNames: false,
    });
    await kees.joinSession(otherSession.join_code, 'Kees');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('opening and joining', () => {
    it("lets only the werkgebied's facilitators open a session, with a six-character code without look-alikes", async () => {
      expect((await refusal(riet.createSession({ werkgebiedId: merenwijk.id, title: 'Eigen sessie' }))).kind).toBe('forbidden');
      expect(session.join_code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
      expect(session.join_code).not.toBe(otherSession.join_code);
      expect(session).toMatchObject({ phase: 'verkennen', i_facilitate: true, werkgebied_name: 'Merenwijk', participant_count: 0 });
      expect(new Date(session.join_code_expires_at).getTime()).toBeGreaterThan(Date.now());
    });

    it('joins with the code as people type it, and refuses a wrong one', async () => {
      const typed = `${session.join_code.slice(0, 3).toLowerCase()}-${session.join_code.slice(3)}`;
      const joined = await riet.joinSession(typed, 'Riet');
      expect(joined).toMatchObject({ id: session.id, i_facilitate: false, participant_count: 1 });
      expect(await refusal(bas.joinSession('AAAAAA'))).toMatchObject({ kind: 'join_refused', detail: 'unknown_code' });
      expect((await refusal(bas.getSession(session.id))).kind).toBe('forbidden');
      expect((await refusal(as({ role: 'anon' }).joinSession(session.join_code))).kind).toBe('forbidden');
    });

    it('refuses an expired code, and a locked session to newcomers but not to those already in', async () => {
      const evening = await fatima.createSession({ werkgebiedId: merenwijk.id, title: 'Verlopen' });
      await database.connection.query("update workshop_sessions set join_code_expires_at = now() - interval '1 minute' where id = $1", [
        evening.id,
      ]);
      expect(await refusal(bas.joinSession(evening.join_code))).toMatchObject({ kind: 'join_refused', detail: 'expired' });
      const renewed = await fatima.updateSession(evening.id, { newJoinCode: true });
      expect(renewed.join_code).not.toBe(evening.join_code);
      expect(await refusal(bas.joinSession(evening.join_code))).toMatchObject({ detail: 'unknown_code' });
      expect((await bas.joinSession(renewed.join_code)).id).toBe(evening.id);

      await fatima.updateSession(session.id, { joinLocked: true });
      expect(await refusal(bas.joinSession(session.join_code))).toMatchObject({ kind: 'join_refused', detail: 'locked' });
      expect((await riet.joinSession(session.join_code)).id).toBe(session.id);
      await fatima.updateSession(session.id, { joinLocked: false });
      expect((await refusal(riet.updateSession(session.id, { joinLocked: true }))).kind).toBe('forbidden');
    });

    it('stops someone who keeps guessing codes, even when the next guess is right', async () => {
      const guesser = as(resident(ids.guesser));
      for (let attempt = 0; attempt < 10; attempt++) {
        expect(await refusal(guesser.joinSession('CCCCCC'))).toMatchObject({ detail: 'unknown_code' });
      }
      expect(await refusal(guesser.joinSession(session.join_code))).toMatchObject({ detail: 'too_many_attempts' });
    });

    it('lets participants see their own row only, and the facilitators everyone', async () => {
      await bas.joinSession(session.join_code, 'Bas');
      const seenByRiet = await selectAs<{ user_id: string }>(resident(ids.riet), 'select user_id from session_participants');
      expect(seenByRiet.map((row) => row.user_id)).toEqual([ids.riet]);
      const seenByFatima = await selectAs<{ first_name: string }>(
        resident(ids.fatima),
        `select first_name from session_participants where session_id = '${session.id}' order by first_name`,
      );
      expect(seenByFatima.map((row) => row.first_name)).toEqual(['Bas', 'Riet']);
      const sessionsSeenByKees = await selectAs<{ id: string }>(resident(ids.kees), 'select id from workshop_sessions');
      expect(sessionsSeenByKees.map((row) => row.id)).toEqual([otherSession.id]);
      expect(await selectAs(resident(ids.kees), 'select * from appreciations').catch((error: Error) => error.message)).toMatch(
        /permission denied/,
      );
    });
  });

  describe.skipIf(skip)('phases', () => {
    it('are moved by the facilitators only, through the four phases', async () => {
      expect((await refusal(riet.setSessionPhase(session.id, 'waarderen'))).kind).toBe('forbidden');
      expect((await refusal(fatima.setSessionPhase(session.id, 'feest' as never))).kind).toBe('invalid_argument');
      for (const phase of ['waarderen', 'gaten_zien', 'acties', 'verkennen'] as const) {
        expect((await fatima.setSessionPhase(session.id, phase)).phase).toBe(phase);
      }
      expect((await riet.getSession(session.id)).phase).toBe('verkennen');
      expect((await refusal(fatima.updateSession(session.id, { gapDistanceM: 10 }))).kind).toBe('invalid_argument');
      expect((await refusal(fatima.updateSession(session.id, { gapAssetTarget: "category:x' or 1=1" }))).kind).toBe('invalid_argument');
      expect(
        await fatima.updateSession(session.id, { gapTarget: 'age65plus', gapDistanceM: 400, gapAssetTarget: 'category:buurthuis' }),
      ).toMatchObject({
        gap_target: 'age65plus',
        gap_distance_m: 400,
        gap_asset_target: 'category:buurthuis',
        gap_on_foot: false,
      });
      // On foot, and back; the other settings stay, and a member who does not run it cannot.
      expect(await fatima.updateSession(session.id, { gapOnFoot: true })).toMatchObject({ gap_on_foot: true, gap_distance_m: 400 });
      expect((await riet.getSession(session.id)).gap_on_foot).toBe(true);
      expect((await refusal(riet.updateSession(session.id, { gapOnFoot: false }))).kind).toBe('forbidden');
      expect(await fatima.updateSession(session.id, { gapOnFoot: false })).toMatchObject({ gap_on_foot: false });
    });
  });

  describe.skipIf(skip)('contributions, appreciations and actions', () => {
    it('takes a contribution from members only, published or pending as the session says', async () => {
      const place = { kind: 'place' as const, category: 'buurthuis', name: 'De Schakel', geometry: at(100), sessionId: session.id };
      expect((await refusal(kees.addAsset(place))).kind).toBe('forbidden');
      const added = await riet.addAsset({
        ...place,
        story: 'Hier drink ik op dinsdag koffie.',
        authorName: 'Riet',
        dimensions: ['meedoen'],
      });
      // Merenwijk checks first, but this session publishes at once.
      expect(added.properties.status).toBe('published');
      const route = {
        kind: 'route' as const,
        category: 'wandelroute',
        name: 'Rondje Zijl',
        geometry: { type: 'LineString' as const, coordinates: [at(200).coordinates, at(600).coordinates] },
        sessionId: session.id,
      };
      expect((await bas.addAsset(route)).properties.status).toBe('published');
      const waiting = await kees.addAsset({ ...place, name: 'Bankje bij de Zijl', sessionId: otherSession.id });
      expect(waiting.properties.status).toBe('pending');
    });

    it('counts an appreciation once per person, and shows the count and "mine" on the place', async () => {
      const [schakel] = (await riet.sessionOverview(session.id)).contributions.features;
      const placeId = schakel!.id;
      expect(await bas.appreciate(placeId, { reason: 'Iedereen is welkom', sessionId: session.id })).toMatchObject({
        count: 1,
        mine: true,
      });
      expect(await bas.appreciate(placeId, { reason: 'Gezellig', sessionId: session.id })).toMatchObject({ count: 1, mine: true });
      expect(await fatima.appreciate(placeId, { sessionId: session.id })).toMatchObject({ count: 2 });
      expect((await riet.getAsset(placeId)).appreciation).toMatchObject({ count: 2, mine: false });
      expect(await fatima.withdrawAppreciation(placeId)).toMatchObject({ count: 1, mine: false });
      expect((await refusal(kees.appreciate(placeId, { sessionId: session.id }))).kind).toBe('forbidden');
      expect((await refusal(riet.appreciate('00000000-0000-4000-8000-000000000999'))).kind).toBe('not_found');
    });

    it('lets members mark actions, and only their author or a facilitator say who takes them up', async () => {
      const action = await riet.addSessionAction({ sessionId: session.id, ...lonLat(at(150)), body: 'Bankje bij de bushalte' });
      expect(action).toMatchObject({ mine: true, taken_up_by: null });
      expect((await refusal(bas.updateSessionAction(action.id, { takenUpBy: 'Bas' }))).kind).toBe('forbidden');
      expect((await fatima.updateSessionAction(action.id, { takenUpBy: 'Wijkteam' })).taken_up_by).toBe('Wijkteam');
      expect((await refusal(kees.updateSessionAction(action.id, { takenUpBy: 'Kees' }))).kind).toBe('not_found');
      expect((await refusal(kees.addSessionAction({ sessionId: session.id, ...lonLat(at(150)), body: 'Niet van mij' }))).kind).toBe(
        'forbidden',
      );
      expect((await refusal(riet.addSessionAction({ sessionId: session.id, ...lonLat(at(150)), body: ' ' }))).kind).toBe('required');
      const key = '00000000-0000-4000-8000-0000000000aa';
      const first = await bas.addSessionAction({ sessionId: session.id, ...lonLat(at(160)), body: 'Wandelgroep', idempotencyKey: key });
      const retried = await bas.addSessionAction({ sessionId: session.id, ...lonLat(at(160)), body: 'Wandelgroep', idempotencyKey: key });
      expect(retried.id).toBe(first.id);
    });

    it("gives members their session's overview and nobody else's", async () => {
      const overview = await riet.sessionOverview(session.id);
      expect(overview.contributions.features.map((feature) => feature.properties.name)).toEqual(['De Schakel', 'Rondje Zijl']);
      expect(overview.contributions.features[0]!.properties).toMatchObject({ first_name: 'Riet', appreciations: 1, stories: 1 });
      expect(overview.stories).toEqual([
        expect.objectContaining({ asset_name: 'De Schakel', body: 'Hier drink ik op dinsdag koffie.', author_name: 'Riet' }),
      ]);
      expect(overview.appreciations).toEqual([expect.objectContaining({ asset_name: 'De Schakel', count: 1, reasons: ['Gezellig'] })]);
      expect(overview.actions.map((action) => action.body)).toEqual(['Bankje bij de bushalte', 'Wandelgroep']);
      expect(overview.counts).toMatchObject({
        contributions: 2,
        by_kind: { place: 1, route: 1 },
        by_category: { buurthuis: 1, wandelroute: 1 },
        by_dimension: { meedoen: 1 },
        stories: 1,
        appreciations: 1,
        actions: 2,
        participants: 2,
      });
      expect((await refusal(kees.sessionOverview(session.id))).kind).toBe('forbidden');

      // The second session keeps names to itself, and its pending place waits for Fatima.
      const second = await fatima.sessionOverview(otherSession.id);
      expect(second.contributions.features[0]!.properties).toMatchObject({
        name: 'Bankje bij de Zijl',
        status: 'pending',
        first_name: null,
      });
      expect(second.counts.pending).toBe(1);
      expect((await fatima.moderationQueue(merenwijk.id)).map((item) => item.name)).toContain('Bankje bij de Zijl');
      expect((await fatima.listMySessions()).length).toBeGreaterThanOrEqual(2);
      expect((await kees.listMySessions()).map((listed) => listed.id)).toEqual([otherSession.id]);
    });
  });

  describe.skipIf(skip)('circles in a session', () => {
    it('never name who added a circle, even where the session shows first names', async () => {
      await admin.setMember({ werkgebiedId: merenwijk.id, userId: ids.riet, role: 'key_person' });
      const circle = await riet.addAsset({
        kind: 'place',
        category: 'cirkel',
        name: 'Cirkel van Riet',
        geometry: at(400),
        sessionId: session.id,
        circleConsent: true,
      });
      const overview = await fatima.sessionOverview(session.id);
      const byName = (name: string) => overview.contributions.features.find((feature) => feature.properties.name === name)?.properties;
      expect(byName('De Schakel')).toMatchObject({ first_name: 'Riet' });
      expect(byName(circle.properties.name)).toMatchObject({ first_name: null });
    });
  });

  describe.skipIf(skip)('broadcasts', () => {
    it('writes one message per change to the session topic, saying only which row changed', async () => {
      const topic = `session:${session.id}`;
      const before = (await messagesOn(topic)).length;
      const added = await bas.addAsset({ kind: 'place', category: 'park', name: 'Speeltuin', geometry: at(300), sessionId: session.id });
      await fatima.setSessionPhase(session.id, 'waarderen');
      await riet.appreciate(added.id, { sessionId: session.id });
      await riet.addStory({ assetId: added.id, body: 'Mijn kleinkinderen spelen hier.' });
      await riet.addAsset({ kind: 'place', category: 'park', name: 'Buiten de sessie', geometry: at(310) });
      const sent = (await messagesOn(topic)).slice(before);
      expect(sent.map((message) => message.event)).toEqual(['assets', 'workshop_sessions', 'appreciations', 'stories']);
      expect(sent[0]!.payload).toEqual({ table: 'assets', op: 'insert', id: added.id });
      expect(Object.keys(sent[3]!.payload).sort()).toEqual(['id', 'op', 'table']);
    });

    it("lets only the session's members receive its topic", async () => {
      const count = 'select count(*)::int as n from realtime.messages';
      const asMember = await selectAs<{ n: number }>(resident(ids.riet), count, { 'realtime.topic': `session:${session.id}` });
      const asOutsider = await selectAs<{ n: number }>(resident(ids.kees), count, { 'realtime.topic': `session:${session.id}` });
      const otherTopic = await selectAs<{ n: number }>(resident(ids.riet), count, { 'realtime.topic': `session:${otherSession.id}` });
      expect(asMember[0]!.n).toBeGreaterThan(0);
      expect(asOutsider[0]!.n).toBe(0);
      expect(otherTopic[0]!.n).toBe(0);
    });
  });
});

function lonLat(point: { coordinates: number[] }): { lon: number; lat: number } {
  return { lon: point.coordinates[0]!, lat: point.coordinates[1]! };
}
