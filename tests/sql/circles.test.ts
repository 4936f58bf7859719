/**
 * Circles stay private (supabase/schemas/11_circles.sql), on both engines: no
 * path gives a circle's exact place to anyone but its key person and the
 * werkgebied's facilitators; a circle needs its key person's consent, shows
 * no contact details, and when the consent is withdrawn it goes and its
 * history keeps no details.
 */
import type { Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { refusedRowsOf } from '../../src/backend/apiError';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AssetFeature } from '../../src/backend/wireTypes';
import { metresBetween, refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { castRoles, claimsOf, polygonAround, rolledBackAs, type Actor } from '../support/roleCast';

const engines = sqlEngines(inject('sqlSetup'));

const coordinatesOf = (feature: AssetFeature) => (feature.geometry as Point).coordinates;

// Who must never get the exact place, and who may.
const outsiders: Actor[] = ['anon', 'resident', 'otherResident', 'planner', 'otherFacilitator', 'otherPlanner'];
const insiders: Actor[] = ['keyPerson', 'facilitator'];

describe.each(engines)('circles on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  let werkgebieden: Awaited<ReturnType<typeof castRoles>>;
  let circle: AssetFeature;

  /** A spot in the review werkgebied 13 m east and 87 m north of its 100 m cell's corner: 52 m from the cell's centre. */
  async function offCentreSpot(eastCells: number): Promise<Point> {
    const { rows } = await database.connection.query<{ point: string }>(
      `select extensions.st_asgeojson(extensions.st_transform(extensions.st_setsrid(extensions.st_makepoint(floor(extensions.st_x(rd) / 100) * 100 + $1::float8 * 100 + 13,
                                                                floor(extensions.st_y(rd) / 100) * 100 + 87), 28992), 4326), 7) as point
       from (select extensions.st_transform(extensions.st_setsrid(extensions.st_makepoint(5.52::float8, 52.03::float8), 4326), 28992) as rd) x`,
      [eastCells],
    );
    return JSON.parse(rows[0]!.point) as Point;
  }
  let exact: Point;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    werkgebieden = await castRoles(as);
    exact = await offCentreSpot(0);
    circle = await as('keyPerson').addAsset({
      kind: 'place',
      category: 'cirkel',
      name: 'Cirkel van Truus',
      description: 'We bellen elkaar op maandag.',
      geometry: exact,
      story: 'Truus belt iedereen. Niemand valt buiten de boot.',
      circleConsent: true,
    });
    // The review werkgebied checks first: a facilitator publishes it for everyone.
    await as('facilitator').moderate('asset', circle.id, 'approve');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('what a circle needs', () => {
    it('is added only by a key person or facilitator, with consent, never by an import', async () => {
      const spot = await offCentreSpot(1);
      const newCircle = { kind: 'place' as const, category: 'cirkel', name: 'Cirkel van Ans', geometry: spot };
      expect(await refusal(as('keyPerson').addAsset(newCircle))).toMatchObject({ kind: 'invalid_argument', detail: 'circle_consent' });
      expect((await refusal(as('resident').addAsset({ ...newCircle, circleConsent: true }))).kind).toBe('forbidden');
      const imported = await refusal(
        as('facilitator').importAssets({
          source: 'lijst.csv',
          attribution: null,
          rows: [{ row: 1, kind: 'place', category: 'cirkel', name: 'Cirkel van Ans', geometry: spot }],
        }),
      );
      expect(refusedRowsOf(imported)).toMatchObject([{ row: 1, detail: 'circle_consent' }]);
      // An edit cannot turn a place into a circle either: the consent belongs to adding it.
      const park = await as('facilitator').addAsset({ kind: 'place', category: 'park', name: 'Park', geometry: spot });
      expect(await refusal(as('facilitator').updateAsset(park.id, park.properties.version, { category: 'cirkel' }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'circle_consent',
      });
    });

    it('shows no phone number or e-mail address, and keeps ordinary numbers', async () => {
      const spot = await offCentreSpot(2);
      const withText = (description: string) =>
        as('keyPerson').addAsset({ kind: 'place', category: 'cirkel', name: 'Cirkel', description, geometry: spot, circleConsent: true });
      for (const contact of ['Bel Truus: 06-12345678', 'Mail naar truus@example.nl', 'Bel +31 6 1234 5678', 'Tel. 071 512 3456']) {
        expect(await refusal(withText(contact)), contact).toMatchObject({ kind: 'invalid_argument', detail: 'contact_details' });
      }
      const ordinary = await withText('Elke dinsdag om 10.00 uur, sinds 2019, bij 2334 AB, voor 12 mensen.');
      expect(ordinary.properties.description).toContain('2334 AB');
    });
  });

  describe.skipIf(skip)('where a circle is shown', () => {
    it('gives the public the centre of its 100 m cell, 52 m from the exact place', async () => {
      const shown = coordinatesOf(circle);
      expect(metresBetween(shown, exact.coordinates)).toBeGreaterThan(45);
      expect(metresBetween(shown, exact.coordinates)).toBeLessThan(60);
      const { rows } = await database.connection.query<{ x: number; y: number }>(
        'select extensions.st_x(rd) as x, extensions.st_y(rd) as y from (select extensions.st_transform(geom, 28992) as rd from public.assets where id = $1) a',
        [circle.id],
      );
      expect(rows[0]!.x % 100).toBeCloseTo(50, 3);
      expect(rows[0]!.y % 100).toBeCloseTo(50, 3);
    });

    it.each(outsiders)('gives %s no finer place on any path', async (actor) => {
      const api = as(actor);
      const farFromExact = (feature: AssetFeature | undefined) => {
        expect(feature, `${actor} should see the published circle`).toBeDefined();
        expect(metresBetween(coordinatesOf(feature!), exact.coordinates)).toBeGreaterThan(45);
      };
      const [lon, lat] = exact.coordinates as [number, number];
      farFromExact((await api.assetsInBbox({ west: 5.5, south: 52.0, east: 5.6, north: 52.1 })).features.find((f) => f.id === circle.id));
      const details = await api.getAsset(circle.id);
      farFromExact(details.feature);
      expect(details.circle).toEqual({ shown_at: 'cell', exact_geometry: null, may_withdraw: false });
      const within = await api.assetsWithin(lon, lat, 500, 'cirkel');
      farFromExact(within.features.find((f) => f.id === circle.id));
      // The distance it reports is to the public point, so it cannot be used to find the exact one.
      expect(within.features.find((f) => f.id === circle.id)!.properties.distance_m).toBeGreaterThan(45);
      farFromExact((await api.nearestAssets(lon, lat, 3, 'cirkel')).features.find((f) => f.id === circle.id));
      farFromExact((await api.exportAssets()).features.find((f) => f.id === circle.id));
      // And read directly, as PostgREST or Realtime would.
      const claims = claimsOf(actor);
      const direct = await rolledBackAs(database.connection, claims, (tx) =>
        tx.query<{ point: string }>('select extensions.st_asgeojson(geom, 7) as point from public.assets where id = $1', [circle.id]),
      );
      expect(metresBetween((JSON.parse(direct.rows[0]!.point) as Point).coordinates, exact.coordinates)).toBeGreaterThan(45);
      await expect(
        rolledBackAs(database.connection, claims, (tx) => tx.query('select * from internal.circle_locations')),
      ).rejects.toMatchObject({ code: '42501' });
    });

    it.each(insiders)('gives %s the exact place and the right to withdraw', async (actor) => {
      const details = await as(actor).getAsset(circle.id);
      expect(details.circle?.may_withdraw).toBe(true);
      expect(metresBetween((details.circle!.exact_geometry as Point).coordinates, exact.coordinates)).toBeLessThan(0.01);
    });

    it('keeps the exact place out of the history', async () => {
      const { rows } = await database.connection.query<{ geometry: Point }>(
        `select v -> 'geometry' as geometry from public.changes c, lateral (values (c.old_values), (c.new_values)) as x(v)
         where c.item_type = 'asset' and c.item_id = $1 and v ? 'geometry'`,
        [circle.id],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(metresBetween(row.geometry.coordinates, exact.coordinates)).toBeGreaterThan(45);
    });

    it('shows a circle in a known buurt at a point of that buurt, whoever writes it', async () => {
      await as('administrator').importAreas({
        source: 'test-buurten',
        attribution: null,
        rows: [{ row: 1, code: 'BU-CIRKEL', name: 'Cirkelbuurt', level: 'buurt', geometry: polygonAround(5.58, 52.08, 0.004, 6) }],
      });
      const inBuurt: Point = { type: 'Point', coordinates: [5.5812345, 52.0812345] };
      const added = await as('keyPerson').addAsset({
        kind: 'group',
        category: 'cirkel',
        name: 'Buurtcirkel',
        geometry: inBuurt,
        circleConsent: true,
      });
      const { rows } = await database.connection.query<{ expected: string }>(
        "select extensions.st_asgeojson(extensions.st_pointonsurface(geom), 7) as expected from public.areas where code = 'BU-CIRKEL'",
      );
      expect(added.geometry).toEqual(JSON.parse(rows[0]!.expected));
      expect((await as('keyPerson').getAsset(added.id)).circle?.shown_at).toBe('buurt');
      // The service role writing directly passes the same trigger.
      const direct = await rolledBackAs(database.connection, claimsOf('serviceRole'), (tx) =>
        tx.query<{ point: string }>(
          `insert into public.assets (kind, category, name, geom)
           values ('place', 'cirkel', 'Direct', extensions.st_geomfromgeojson($1)) returning extensions.st_asgeojson(geom, 7) as point`,
          [JSON.stringify(inBuurt)],
        ),
      );
      expect(JSON.parse(direct.rows[0]!.point)).toEqual(JSON.parse(rows[0]!.expected));
    });

    it('stays a circle: its category cannot be changed, so its exact place never stays behind', async () => {
      const spot = await offCentreSpot(4);
      const placed = await as('keyPerson').addAsset({
        kind: 'place',
        category: 'cirkel',
        name: 'Blijft cirkel',
        geometry: spot,
        circleConsent: true,
      });
      expect(await refusal(as('keyPerson').updateAsset(placed.id, placed.properties.version, { category: 'park' }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'circle_category',
      });
    });

    it('keeps a moved circle private too', async () => {
      const spot = await offCentreSpot(3);
      const placed = await as('keyPerson').addAsset({
        kind: 'place',
        category: 'cirkel',
        name: 'Verhuisde cirkel',
        geometry: spot,
        circleConsent: true,
      });
      const moved = await offCentreSpot(5);
      const updated = await as('keyPerson').updateAsset(placed.id, placed.properties.version, { geometry: moved });
      expect(metresBetween(coordinatesOf(updated), moved.coordinates)).toBeGreaterThan(45);
      expect(metresBetween(coordinatesOf(updated), moved.coordinates)).toBeLessThan(60);
      const details = await as('keyPerson').getAsset(placed.id);
      expect(metresBetween((details.circle!.exact_geometry as Point).coordinates, moved.coordinates)).toBeLessThan(0.01);
      // The history knows only the public points: the move is not undone, the exact place stays.
      const move = (await as('keyPerson').itemHistory('asset', placed.id)).find(
        (entry) => entry.operation === 'edit' && entry.fields.includes('geometry'),
      );
      expect(await refusal(as('keyPerson').undoChange(move!.id))).toMatchObject({ kind: 'invalid_argument', detail: 'circle_undo' });
      const after = await as('keyPerson').getAsset(placed.id);
      expect(after.circle!.exact_geometry).toEqual(details.circle!.exact_geometry);
    });
  });

  describe.skipIf(skip)('withdrawing the consent', () => {
    it('is for the key person and facilitators only, and leaves nothing of the circle', async () => {
      expect((await refusal(as('otherResident').withdrawCircle(circle.id))).kind).toBe('forbidden');
      expect((await refusal(as('planner').withdrawCircle(circle.id))).kind).toBe('forbidden');
      const park = await as('facilitator').addAsset({
        kind: 'place',
        category: 'park',
        name: 'Geen cirkel',
        geometry: await offCentreSpot(7),
      });
      expect(await refusal(as('facilitator').withdrawCircle(park.id))).toMatchObject({ kind: 'invalid_argument', detail: 'not_a_circle' });

      expect(await as('keyPerson').withdrawCircle(circle.id)).toEqual({ id: circle.id, withdrawn: true });
      expect((await refusal(as('facilitator').getAsset(circle.id))).kind).toBe('not_found');
      const inView = await as('anon').assetsInBbox({ west: 5.5, south: 52.0, east: 5.6, north: 52.1 });
      expect(inView.features.map((feature) => feature.id)).not.toContain(circle.id);

      const left = await database.connection.query<{ locations: number; stories: number; coverage: number }>(
        `select (select count(*)::int from internal.circle_locations where asset_id = $1) as locations,
                (select count(*)::int from public.stories where asset_id = $1) as stories,
                (select count(*)::int from internal.coverage_assets where asset_id = $1) as coverage`,
        [circle.id],
      );
      expect(left.rows[0]).toEqual({ locations: 0, stories: 0, coverage: 0 });
      const history = await database.connection.query<{
        operation: string;
        old_values: unknown;
        new_values: unknown;
        changed_by: string | null;
      }>(
        `select operation, old_values, new_values, changed_by from public.changes
         where (item_type = 'asset' and item_id = $1) or (item_type = 'story' and werkgebied_id = $2 and new_values = '{}')
         order by id`,
        [circle.id, werkgebieden.review],
      );
      expect(history.rows.map((row) => row.operation)).toEqual(expect.arrayContaining(['add', 'approve', 'withdraw']));
      for (const row of history.rows) expect(row).toMatchObject({ old_values: null, new_values: {}, changed_by: null });
      // The story's own history rows are emptied too: no row anywhere still holds its words.
      const words = await database.connection.query<{ count: number }>(
        "select count(*)::int as count from public.changes where new_values::text like '%Truus belt%' or old_values::text like '%Truus belt%'",
      );
      expect(words.rows[0]!.count).toBe(0);
    });
  });
});
