/**
 * Connections between places (supabase/schemas/12_connections.sql), on both
 * engines: who may connect and remove, that a connection is as visible as both
 * its places whatever the path, that a circle's end stays coarse, the export,
 * and the limit per place.
 */
import type { LineString, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AssetFeature } from '../../src/backend/wireTypes';
import { metresBetween, refusal } from '../support/apiFixtures';
import type { SqlQueryable } from '../../src/backend/sqlConnection';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { castRoles, claimsOf, pointIn, rolledBackAs, type Actor } from '../support/roleCast';

const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('connections between places on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  let sportCentre: AssetFeature;
  let communityCentre: AssetFeature;
  let residentsGarden: AssetFeature;
  let circle: AssetFeature;
  const circleSpot: Point = { type: 'Point', coordinates: [5.5312345, 52.0287654] };
  const linkIdsSeenBy = async (actor: Actor, place: AssetFeature) =>
    (await as(actor).getAsset(place.id)).links.map((link) => `${link.kind}:${link.other.id}`);

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    await castRoles(as);
    // In the werkgebied that checks first: the facilitator's places are published, a resident's wait.
    sportCentre = await as('facilitator').addAsset({
      kind: 'place',
      category: 'sportclub',
      name: 'Sportcentrum De Zijl',
      geometry: pointIn('review', 1),
    });
    communityCentre = await as('facilitator').addAsset({
      kind: 'place',
      category: 'buurthuis',
      name: 'Buurthuis',
      geometry: pointIn('review', 2),
    });
    residentsGarden = await as('resident').addAsset({
      kind: 'place',
      category: 'moestuin',
      name: 'Tuin van Riet',
      geometry: pointIn('review', 3),
    });
    circle = await as('keyPerson').addAsset({
      kind: 'place',
      category: 'cirkel',
      name: 'Cirkel van Truus',
      geometry: circleSpot,
      circleConsent: true,
    });
    await as('facilitator').moderate('asset', circle.id, 'approve');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('making them', () => {
    it('lets a key person connect their circle to a sports centre, and shows it from both sides', async () => {
      const link = await as('keyPerson').linkAssets(circle.id, sportCentre.id, 'meets_at');
      expect(link).toMatchObject({ kind: 'meets_at', direction: 'from', other: { id: sportCentre.id, name: 'Sportcentrum De Zijl' } });
      const fromSportCentre = (await as('anon').getAsset(sportCentre.id)).links;
      expect(fromSportCentre).toMatchObject([
        { kind: 'meets_at', direction: 'to', other: { id: circle.id, name: 'Cirkel van Truus' }, may_remove: false },
      ]);
      // The line ends at the circle's public point, never at its exact place.
      const line = fromSportCentre[0]!.line as LineString;
      expect(line.coordinates[1]).toEqual((circle.geometry as Point).coordinates);
      expect(metresBetween(line.coordinates[1]!, circleSpot.coordinates)).toBeGreaterThan(20);
      expect(line.coordinates[0]).toEqual((sportCentre.geometry as Point).coordinates);
    });

    it('refuses who may change neither place, itself, twice, an unknown kind or place', async () => {
      expect((await refusal(as('anon').linkAssets(sportCentre.id, communityCentre.id, 'works_with'))).kind).toBe('forbidden');
      expect((await refusal(as('otherResident').linkAssets(sportCentre.id, communityCentre.id, 'works_with'))).kind).toBe('forbidden');
      expect((await refusal(as('planner').linkAssets(sportCentre.id, communityCentre.id, 'works_with'))).kind).toBe('forbidden');
      await as('facilitator').linkAssets(sportCentre.id, communityCentre.id, 'works_with');
      // "Works with" is the same connection either way round.
      expect(await refusal(as('facilitator').linkAssets(communityCentre.id, sportCentre.id, 'works_with'))).toMatchObject({
        kind: 'duplicate',
        detail: 'link',
      });
      expect(await refusal(as('facilitator').linkAssets(sportCentre.id, sportCentre.id, 'part_of'))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'same_asset',
      });
      expect(await refusal(as('facilitator').linkAssets(sportCentre.id, communityCentre.id, 'loves' as never))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'kind',
      });
      expect((await refusal(as('facilitator').linkAssets(sportCentre.id, crypto.randomUUID(), 'part_of'))).kind).toBe('not_found');
    });
  });

  describe.skipIf(skip)("a circle's connections", () => {
    it("are its key person's or a facilitator's to make, not anyone's who has a place", async () => {
      const bench = await as('otherResident').addAsset({ kind: 'place', category: 'park', name: 'Bankje', geometry: pointIn('open', 9) });
      expect((await refusal(as('otherResident').linkAssets(bench.id, circle.id, 'meets_at'))).kind).toBe('forbidden');
      expect((await refusal(as('otherResident').linkAssets(circle.id, bench.id, 'meets_at'))).kind).toBe('forbidden');
      expect((await as('facilitator').linkAssets(circle.id, communityCentre.id, 'refers_to')).direction).toBe('from');
    });
  });

  describe.skipIf(skip)('who sees them', () => {
    it('hides a connection to a pending place from whoever may not see that place, on every path', async () => {
      const link = await as('resident').linkAssets(residentsGarden.id, communityCentre.id, 'part_of');
      const seen = `part_of:${residentsGarden.id}`;
      expect(await linkIdsSeenBy('resident', communityCentre)).toContain(seen);
      expect(await linkIdsSeenBy('facilitator', communityCentre)).toContain(seen);
      for (const actor of ['anon', 'otherResident', 'otherFacilitator'] as const) {
        expect(await linkIdsSeenBy(actor, communityCentre), actor).not.toContain(seen);
        const direct = await rolledBackAs(database.connection, claimsOf(actor), (tx) =>
          tx.query<{ id: string }>('select id from public.asset_links where id = $1', [link.id]),
        );
        expect(direct.rows, actor).toEqual([]);
        expect(
          (await as(actor).exportLinks()).map((exported) => exported.id),
          actor,
        ).not.toContain(link.id);
      }
      await as('facilitator').moderate('asset', residentsGarden.id, 'approve');
      expect(await linkIdsSeenBy('otherResident', communityCentre)).toContain(seen);
      // Archived: out of sight again, also in the export.
      const garden = await as('resident').getAsset(residentsGarden.id);
      await as('resident').archiveAsset(residentsGarden.id, garden.feature.properties.version);
      expect(await linkIdsSeenBy('otherResident', communityCentre)).not.toContain(seen);
      expect((await as('facilitator').exportLinks()).map((exported) => exported.id)).not.toContain(link.id);
    });

    it('exports the connections with both places, and never who made them', async () => {
      const exported = await as('anon').exportLinks();
      expect(exported).toContainEqual(
        expect.objectContaining({
          kind: 'meets_at',
          from_name: 'Cirkel van Truus',
          from_category: 'cirkel',
          to_name: 'Sportcentrum De Zijl',
        }),
      );
      for (const row of exported) expect(row).not.toHaveProperty('created_by');
      await expect(
        rolledBackAs(database.connection, claimsOf('resident'), (tx) => tx.query('select created_by from public.asset_links')),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  describe.skipIf(skip)('removing them', () => {
    it('is for its maker or who may change one of its places', async () => {
      const [link] = (await as('keyPerson').getAsset(circle.id)).links.filter((candidate) => candidate.kind === 'meets_at');
      expect(link?.may_remove).toBe(true);
      expect((await refusal(as('otherResident').unlinkAssets(link!.id))).kind).toBe('forbidden');
      expect(await as('keyPerson').unlinkAssets(link!.id)).toEqual({ id: link!.id, removed: true });
      expect(await linkIdsSeenBy('anon', sportCentre)).not.toContain(`meets_at:${circle.id}`);
      expect((await refusal(as('keyPerson').unlinkAssets(link!.id))).kind).toBe('not_found');
    });

    /** The facilitator connects the community centre once more: 'connected', or the refusal's code and detail. */
    const facilitatorConnectsHub = (tx: SqlQueryable) =>
      tx.query('select public.link_assets($1, $2, $3)', [communityCentre.id, sportCentre.id, 'refers_to']).then(
        () => 'connected',
        (error: { code?: string; detail?: string }) => `${error.code} ${error.detail}`,
      );

    it('holds at most 100 connections a place, on every path', async () => {
      const outcome = await rolledBackAs(database.connection, claimsOf('facilitator'), facilitatorConnectsHub, async (owner) => {
        await owner.query(
          `with made as (
               insert into public.assets (kind, category, name, geom)
               select 'place', 'initiatief', 'Initiatief ' || n, extensions.st_setsrid(extensions.st_makepoint(5.55 + n * 0.0001, 52.05), 4326)
               from generate_series(1, 100) n returning id)
             insert into public.asset_links (from_asset, to_asset, kind)
             select id, $1, 'meets_at' from made
             limit 100 - internal.published_links_of($1)`,
          [communityCentre.id],
        );
      });
      expect(outcome).toBe('WKARG too_many_links');
    });

    it('counts only connections to published places, so places that wait cannot fill a hub', async () => {
      const outcome = await rolledBackAs(database.connection, claimsOf('facilitator'), facilitatorConnectsHub, async (owner) => {
        await owner.query(
          `insert into public.assets (kind, category, name, geom)
             select 'place', 'initiatief', 'Wacht ' || n, extensions.st_setsrid(extensions.st_makepoint(5.55 + n * 0.0001, 52.06), 4326)
             from generate_series(1, 120) n`,
        );
        await owner.query(`update public.assets set status = 'pending' where name like 'Wacht %'`);
        await owner.query(
          `insert into public.asset_links (from_asset, to_asset, kind)
             select id, $1, 'meets_at' from public.assets where name like 'Wacht %'`,
          [communityCentre.id],
        );
      });
      expect(outcome).toBe('connected');
    });

    it('holds "works with" once either way round, also for a direct write', async () => {
      const reverse = await rolledBackAs(database.connection, claimsOf('serviceRole'), (tx) =>
        tx
          .query(`insert into public.asset_links (from_asset, to_asset, kind) values ($1, $2, 'works_with')`, [
            communityCentre.id,
            sportCentre.id,
          ])
          .then(
            () => 'written',
            (error: { code?: string }) => error.code,
          ),
      );
      expect(reverse).toBe('23505');
    });
  });
});
