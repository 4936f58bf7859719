/**
 * Fresh places (supabase/schemas/13_freshness.sql), on both engines: when a
 * place was last confirmed, "bestaat nog" and "bestaat niet meer", and the
 * werkgebied's months.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AssetFeature } from '../../src/backend/wireTypes';
import { refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { castRoles, claimsOf, pointIn, rolledBackAs, type Actor } from '../support/roleCast';

const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('fresh places on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  let werkgebieden: Awaited<ReturnType<typeof castRoles>>;
  let garden: AssetFeature;
  /** As the database's owner: the place was last confirmed this long ago. */
  const confirmedAgo = (id: string, interval: string) =>
    database.connection.query(`update public.assets set confirmed_at = now() - $2::interval where id = $1`, [id, interval]);
  const historyLength = async (id: string) =>
    (
      await database.connection.query<{ count: number }>(
        "select count(*)::int as count from public.changes where item_type = 'asset' and item_id = $1",
        [id],
      )
    ).rows[0]!.count;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    werkgebieden = await castRoles(as);
    garden = await as('facilitator').addAsset({
      kind: 'place',
      category: 'moestuin',
      name: 'Buurtmoestuin',
      geometry: pointIn('review', 4),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('confirming', () => {
    it('starts confirmed when added', () => {
      expect(Date.parse(garden.properties.confirmed_at)).toBe(Date.parse(garden.properties.created_at));
    });

    it('"bestaat nog" confirms it now, without a new version or a line in its history', async () => {
      await confirmedAgo(garden.id, '13 months');
      const before = await as('anon').getAsset(garden.id);
      expect(Date.now() - Date.parse(before.feature.properties.confirmed_at)).toBeGreaterThan(365 * 24 * 3600 * 1000);
      const historyBefore = await historyLength(garden.id);

      const confirmed = await as('otherResident').confirmAsset(garden.id, true);
      expect(Date.now() - Date.parse(confirmed.properties.confirmed_at)).toBeLessThan(60_000);
      expect(confirmed.properties.version).toBe(before.feature.properties.version);
      expect(confirmed.properties.updated_at).toBe(before.feature.properties.updated_at);
      expect(await historyLength(garden.id)).toBe(historyBefore);
    });

    it('cannot be set by an edit, nor by anyone not signed in, nor on a place not on the map', async () => {
      await confirmedAgo(garden.id, '13 months');
      const current = await as('facilitator').getAsset(garden.id);
      const edited = await as('facilitator').updateAsset(garden.id, current.feature.properties.version, { name: 'Buurtmoestuin De Bron' });
      expect(edited.properties.confirmed_at).toBe(current.feature.properties.confirmed_at);
      expect((await refusal(as('anon').confirmAsset(garden.id, true))).kind).toBe('forbidden');
      const waiting = await as('resident').addAsset({ kind: 'place', category: 'park', name: 'Pleintje', geometry: pointIn('review', 5) });
      expect((await refusal(as('otherResident').confirmAsset(waiting.id, true))).kind).toBe('not_found');
      expect(await refusal(as('resident').confirmAsset(waiting.id, true))).toMatchObject({ kind: 'invalid_argument', detail: 'status' });
      // A direct write by an API role is refused by the grants, whatever the column.
      await expect(
        rolledBackAs(database.connection, claimsOf('resident'), (tx) =>
          tx.query('update public.assets set confirmed_at = now() where id = $1', [garden.id]),
        ),
      ).rejects.toMatchObject({ code: '42501' });
    });

    it('"bestaat niet meer" is a report with that reason, in the facilitators\' queue', async () => {
      const answer = await as('otherResident').confirmAsset(garden.id, false, 'De tuin is een parkeerplaats geworden.');
      expect(answer).toMatchObject({ reports: 1, hidden: false });
      const queue = await as('facilitator').moderationQueue(werkgebieden.review);
      const item = queue.find((candidate) => candidate.id === garden.id);
      expect(JSON.stringify(item)).toContain('Bestaat niet meer: De tuin is een parkeerplaats geworden.');
      expect(await refusal(as('otherResident').confirmAsset(garden.id, false))).toMatchObject({ kind: 'duplicate', detail: 'report' });
    });
  });

  describe.skipIf(skip)("the werkgebied's months", () => {
    it('are 12 unless its admin sets them, between 1 and 120', async () => {
      const listed = await as('anon').listWerkgebieden();
      expect(listed.find((werkgebied) => werkgebied.id === werkgebieden.review)?.stale_after_months).toBe(12);
      const updated = await as('werkgebiedAdmin').updateWerkgebied(werkgebieden.review, { staleAfterMonths: 24 });
      expect(updated).toMatchObject({ stale_after_months: 24, report_threshold: 3 });
      expect(await refusal(as('werkgebiedAdmin').updateWerkgebied(werkgebieden.review, { staleAfterMonths: 0 }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'stale_after_months',
      });
      expect(await refusal(as('werkgebiedAdmin').updateWerkgebied(werkgebieden.review, { reportThreshold: 0 }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'report_threshold',
      });
      expect((await refusal(as('facilitator').updateWerkgebied(werkgebieden.review, { staleAfterMonths: 6 }))).kind).toBe('forbidden');
    });
  });
});
