/**
 * The SQL API, exercised through the same RPC path the embedded backend uses
 * (role switch + JWT claims + named-argument call), on BOTH engines:
 * PGlite + PostGIS in Node and PostgreSQL 15 + PostGIS 3 from Debian.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { applyMigrations } from '../../src/backend/migrations';
import { createSqlRpcCall, type Claims } from '../../src/backend/sqlRpc';
import type { Polygon } from 'geojson';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { readLocalStandIns, readMigrations } from '../support/migrationFiles';
import { centre, metresNorthOf, north, refusal } from '../support/apiFixtures';
import { makeWerkgebied } from '../support/werkgebiedFixtures';

const alice = '00000000-0000-4000-8000-00000000a11c';
const bob = '00000000-0000-4000-8000-000000000b0b';
const admin: Claims = { role: 'authenticated', sub: '00000000-0000-4000-8000-0000000ad111', app_metadata: { wijkkracht_role: 'admin' } };

const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('SQL API on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (claims: Claims): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claims));
  let asAlice: WijkkrachtApi;
  let asBob: WijkkrachtApi;
  let asAnon: WijkkrachtApi;

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    asAlice = as({ role: 'authenticated', sub: alice });
    asBob = as({ role: 'authenticated', sub: bob });
    asAnon = as({ role: 'anon' });
    // The places these tests add lie in a werkgebied that publishes at once; the
    // review-first path is tested in moderationAndHistory.test.ts.
    await makeWerkgebied(as(admin), { code: 'TEST-OPEN', name: 'Proefwijk', box: [4.3, 52.0, 5.0, 52.5], reviewFirst: false });
    await makeWerkgebied(as(admin), { code: 'TEST-REVIEW', name: 'Controlewijk', box: [5.5, 52.0, 5.6, 52.1], reviewFirst: true });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Raw SQL as a role, to check RLS beneath the functions. */
  async function sqlAs(claims: Claims, sql: string, params: unknown[] = []) {
    return database.connection.transaction(async (tx) => {
      await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
        claims.role,
        JSON.stringify(claims),
      ]);
      return (await tx.query(sql, params)).rows;
    });
  }

  describe.skipIf(skip)('migrations', () => {
    it('records every migration and applies none twice on the next start', async () => {
      const report = await applyMigrations(database.connection, readMigrations(), readLocalStandIns());
      expect(report.applied).toEqual([]);
      expect(report.alreadyApplied).toEqual(readMigrations().map((migration) => migration.version));
    });

    it('enables RLS on every table in public', async () => {
      const { rows } = await database.connection.query<{ relname: string; relrowsecurity: boolean }>(
        `select relname, relrowsecurity from pg_class
         where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`,
      );
      expect(rows.map((row) => row.relname)).toEqual([
        'appreciations',
        'area_key_figures',
        'area_population',
        'areas',
        'asset_links',
        'assets',
        'categories',
        'changes',
        'photos',
        'population_cells',
        'population_weights',
        'reports',
        'session_actions',
        'session_participants',
        'snapshot_buurten',
        'snapshot_coverage',
        'snapshots',
        'stories',
        'target_groups',
        'walk_networks',
        'werkgebied_members',
        'werkgebieden',
        'workshop_sessions',
      ]);
      expect(rows.every((row) => row.relrowsecurity)).toBe(true);
    });

    it('enables RLS on the internal tables too', async () => {
      const { rows } = await database.connection.query<{ relname: string; relrowsecurity: boolean }>(
        `select relname, relrowsecurity from pg_class
         where relnamespace = 'internal'::regnamespace and relkind = 'r' order by relname`,
      );
      expect(rows).toEqual([
        { relname: 'bulk_adds', relrowsecurity: true },
        { relname: 'cell_nearest', relrowsecurity: true },
        { relname: 'circle_locations', relrowsecurity: true },
        { relname: 'coverage_assets', relrowsecurity: true },
        { relname: 'idempotency_keys', relrowsecurity: true },
        { relname: 'join_attempts', relrowsecurity: true },
        { relname: 'target_group_cells', relrowsecurity: true },
        { relname: 'walk_cell_access', relrowsecurity: true },
        { relname: 'walk_edges', relrowsecurity: true },
        { relname: 'walk_nodes', relrowsecurity: true },
        { relname: 'walk_reach', relrowsecurity: true },
      ]);
    });
  });

  describe.skipIf(skip)('reads and writes', () => {
    it('lists the seeded categories with Dutch and English labels', async () => {
      const categories = await asAnon.listCategories();
      expect(categories.map((category) => category.id)).toContain('ontmoetingsplek');
      expect(categories.find((category) => category.id === 'buurthuis')).toMatchObject({
        label_nl: 'Buurthuis',
        label_en: 'Community centre',
      });
    });

    it('has a kind for what the programmes we serve work with, each in its domain', async () => {
      const categories = await asAnon.listCategories();
      const domainOf = (id: string) => categories.find((category) => category.id === id)?.domain;
      for (const id of ['gezond_eten', 'moestuin', 'beweeggroep', 'cirkel', 'initiatief']) expect(domainOf(id), id).toBe('nulde_lijn');
      for (const id of ['leefstijlcoach', 'fysiotherapie', 'wijkverpleging', 'apotheek', 'huisartsenpraktijk'])
        expect(domainOf(id), id).toBe('eerstelijn');
      for (const id of ['sociaal_team', 'mantelzorg', 'dagbesteding']) expect(domainOf(id), id).toBe('sociaal_domein');
      for (const id of ['park', 'speelplek', 'wandelroute']) expect(domainOf(id), id).toBeNull();
      expect(categories.find((category) => category.id === 'leefstijlcoach')).toMatchObject({
        label_nl: 'Leefstijlcoach of diëtist',
        label_en: 'Lifestyle coach or dietitian',
      });
      // Every colour its own, so the legend tells them apart.
      expect(new Set(categories.map((category) => category.color)).size).toBe(categories.length);
    });

    it('adds a place with its first story and returns it as a GeoJSON feature', async () => {
      const feature = await asAlice.addAsset({
        kind: 'place',
        category: 'ontmoetingsplek',
        name: '  Buurtkamer Merenwijk  ',
        geometry: north(0),
        dimensions: ['meedoen', 'mentaal_welbevinden', 'meedoen'],
        story: 'Hier drink ik elke dinsdag koffie met de buren.',
        authorName: 'Riet',
      });
      expect(feature.geometry).toEqual(north(0));
      expect(feature.properties).toMatchObject({
        name: 'Buurtkamer Merenwijk',
        kind: 'place',
        status: 'published',
        version: 1,
        mine: true,
        dimensions: ['mentaal_welbevinden', 'meedoen'],
      });
      const details = await asAnon.getAsset(feature.id);
      expect(details.stories).toHaveLength(1);
      expect(details.stories[0]).toMatchObject({ body: 'Hier drink ik elke dinsdag koffie met de buren.', author_name: 'Riet' });
    });

    it('adds routes and areas with line and polygon geometry', async () => {
      const route = await asAlice.addAsset({
        kind: 'route',
        category: 'wandelroute',
        name: 'Rondje Zijlsingel',
        geometry: {
          type: 'LineString',
          coordinates: [
            [4.5, 52.17],
            [4.505, 52.172],
          ],
        },
      });
      const park = await asAlice.addAsset({
        kind: 'area',
        category: 'park',
        name: 'Merenwijkpark',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [4.5, 52.18],
              [4.51, 52.18],
              [4.51, 52.19],
              [4.5, 52.18],
            ],
          ],
        },
      });
      expect(route.geometry.type).toBe('LineString');
      expect(park.geometry.type).toBe('Polygon');
    });

    it('refuses a self-intersecting polygon, unreadable GeoJSON and a geometry that does not fit the kind', async () => {
      const bowTie: Polygon = {
        type: 'Polygon',
        coordinates: [
          [
            [4.5, 52.1],
            [4.6, 52.2],
            [4.6, 52.1],
            [4.5, 52.2],
            [4.5, 52.1],
          ],
        ],
      };
      const invalid = await refusal(asAlice.addAsset({ kind: 'area', category: 'park', name: 'Strik', geometry: bowTie }));
      expect(invalid).toMatchObject({ kind: 'invalid_geometry', code: 'WKGEO', detail: 'invalid' });

      const unreadable = await refusal(
        asAlice.addAsset({ kind: 'place', category: 'park', name: 'X', geometry: { type: 'Point', coordinates: [] } as never }),
      );
      expect(unreadable.kind).toBe('invalid_geometry');

      const wrongType = await refusal(asAlice.addAsset({ kind: 'route', category: 'wandelroute', name: 'Y', geometry: north(1) }));
      expect(wrongType).toMatchObject({ kind: 'invalid_geometry', detail: 'wrong_type' });

      const outOfRange = await refusal(
        asAlice.addAsset({ kind: 'place', category: 'park', name: 'Z', geometry: { type: 'Point', coordinates: [200, 52] } }),
      );
      expect(outOfRange).toMatchObject({ kind: 'invalid_geometry', detail: 'out_of_range' });
    });

    it('refuses a missing name, an unknown category and an unknown dimension', async () => {
      const base = { kind: 'place' as const, category: 'park', name: 'Park', geometry: north(5) };
      expect(await refusal(asAlice.addAsset({ ...base, name: '   ' }))).toMatchObject({ kind: 'required', detail: 'name' });
      expect(await refusal(asAlice.addAsset({ ...base, category: 'casino' }))).toMatchObject({ kind: 'unknown_category' });
      expect(await refusal(asAlice.addAsset({ ...base, dimensions: ['geluk' as never] }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'dimensions',
      });
      expect(await refusal(asAlice.addAsset({ ...base, kind: 'castle' as never }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'kind',
      });
    });

    it('refuses writes from anonymous visitors', async () => {
      const error = await refusal(asAnon.addAsset({ kind: 'place', category: 'park', name: 'Anoniem', geometry: north(7) }));
      expect(error.kind).toBe('forbidden');
      const { features } = await asAnon.assetsWithin(centre.lon, centre.lat, 2000);
      expect(features.map((feature) => feature.properties.name)).not.toContain('Anoniem');
    });

    it('adds stories, and refuses empty ones, unknown assets and anonymous authors', async () => {
      const place = await asAlice.addAsset({ kind: 'place', category: 'bibliotheek', name: 'Bieb', geometry: north(40) });
      const story = await asBob.addStory({ assetId: place.id, body: 'Hier lees ik de krant.', authorName: 'Bob' });
      expect(story).toMatchObject({ asset_id: place.id, mine: true, author_name: 'Bob', status: 'published' });
      expect(story).not.toHaveProperty('created_by');
      expect(await refusal(asBob.addStory({ assetId: place.id, body: '  ' }))).toMatchObject({ kind: 'required', detail: 'story' });
      expect(await refusal(asBob.addStory({ assetId: '00000000-0000-4000-8000-000000000000', body: 'Hallo' }))).toMatchObject({
        kind: 'not_found',
      });
      expect((await refusal(asAnon.addStory({ assetId: place.id, body: 'Hallo' }))).kind).toBe('forbidden');
      expect((await asAnon.getAsset(place.id)).stories.map((s) => s.body)).toEqual(['Hier lees ik de krant.']);
    });
  });

  describe.skipIf(skip)('optimistic locking and ownership', () => {
    it('updates with the current version and refuses a stale one', async () => {
      const place = await asAlice.addAsset({ kind: 'place', category: 'buurthuis', name: 'De Kikker', geometry: north(60) });
      const updated = await asAlice.updateAsset(place.id, 1, { name: 'Buurthuis De Kikker', dimensions: ['meedoen'] });
      expect(updated.properties).toMatchObject({ name: 'Buurthuis De Kikker', version: 2, dimensions: ['meedoen'], category: 'buurthuis' });
      const stale = await refusal(asAlice.updateAsset(place.id, 1, { name: 'Oud' }));
      expect(stale).toMatchObject({ kind: 'stale_version', detail: '2' });
      expect((await asAnon.getAsset(place.id)).feature.properties.name).toBe('Buurthuis De Kikker');
    });

    it('moves an asset and validates the new geometry', async () => {
      const place = await asAlice.addAsset({ kind: 'place', category: 'sportclub', name: 'Tennis', geometry: north(80) });
      const moved = await asAlice.updateAsset(place.id, 1, { geometry: north(90) });
      expect(moved.geometry).toEqual(north(90));
      const wrong = await refusal(
        asAlice.updateAsset(place.id, 2, {
          geometry: {
            type: 'LineString',
            coordinates: [
              [4.5, 52.17],
              [4.6, 52.2],
            ],
          },
        }),
      );
      expect(wrong).toMatchObject({ kind: 'invalid_geometry', detail: 'wrong_type' });
    });

    it("refuses to let one user change or archive another user's asset", async () => {
      const place = await asAlice.addAsset({ kind: 'place', category: 'initiatief', name: 'Moestuin', geometry: north(100) });
      expect((await refusal(asBob.updateAsset(place.id, 1, { name: 'Van Bob' }))).kind).toBe('forbidden');
      expect((await refusal(asBob.archiveAsset(place.id, 1))).kind).toBe('forbidden');
      expect((await refusal(asAnon.updateAsset(place.id, 1, { name: 'Anoniem' }))).kind).toBe('forbidden');
      expect((await asAnon.getAsset(place.id)).feature.properties).toMatchObject({ name: 'Moestuin', version: 1 });
    });

    it('reports an unknown asset as not found', async () => {
      const missing = '00000000-0000-4000-8000-000000000001';
      expect((await refusal(asAlice.updateAsset(missing, 1, { name: 'X' }))).kind).toBe('not_found');
      expect((await refusal(asAnon.getAsset(missing))).kind).toBe('not_found');
    });

    it('archives: the asset leaves every list and only its owner still sees it', async () => {
      const place = await asAlice.addAsset({ kind: 'place', category: 'ontmoetingsplek', name: 'Oude soos', geometry: north(20) });
      expect((await refusal(asAlice.archiveAsset(place.id, 7))).kind).toBe('stale_version');
      const archived = await asAlice.archiveAsset(place.id, 1);
      expect(archived.properties).toMatchObject({ status: 'archived', version: 2 });
      const names = async (api: WijkkrachtApi) =>
        [
          ...(await api.assetsWithin(centre.lon, centre.lat, 1000)).features,
          ...(await api.nearestAssets(centre.lon, centre.lat, 50)).features,
          ...(await api.assetsInBbox({ west: 4.4, south: 52.1, east: 4.6, north: 52.3 })).features,
        ].map((feature) => feature.properties.name);
      expect(await names(asAnon)).not.toContain('Oude soos');
      expect(await names(asAlice)).not.toContain('Oude soos');
      // Nor is it counted: the total is of what the caller may see.
      for (const caller of [asAnon, asAlice, asBob]) {
        const inBox = await caller.assetsInBbox({ west: 4.4, south: 52.1, east: 4.6, north: 52.3 });
        expect(inBox.total).toBe(inBox.features.length);
      }
      expect((await refusal(asBob.getAsset(place.id))).kind).toBe('not_found');
      expect((await asAlice.getAsset(place.id)).feature.properties.status).toBe('archived');
      expect((await refusal(asBob.addStory({ assetId: place.id, body: 'Jammer' }))).kind).toBe('not_found');
    });
  });

  describe.skipIf(skip)('proximity', () => {
    const lon = 4.9;
    const lat = 52.37;
    const at = (meters: number) => metresNorthOf(lon, lat, meters);

    beforeAll(async () => {
      if (skip) return;
      await asAlice.addAsset({ kind: 'place', category: 'sportclub', name: 'P100', geometry: at(100) });
      await asAlice.addAsset({ kind: 'place', category: 'buurthuis', name: 'P300', geometry: at(300) });
      await asAlice.addAsset({ kind: 'place', category: 'sportclub', name: 'P600', geometry: at(600) });
      await asAlice.addAsset({ kind: 'place', category: 'sportclub', name: 'P5000', geometry: at(5000) });
    });

    it('finds assets within a distance in metres, nearest first, with their distance', async () => {
      const { features } = await asAnon.assetsWithin(lon, lat, 500);
      expect(features.map((feature) => feature.properties.name)).toEqual(['P100', 'P300']);
      expect(features[0]!.properties.distance_m).toBeGreaterThan(99);
      expect(features[0]!.properties.distance_m).toBeLessThan(101);
      const sport = await asAnon.assetsWithin(lon, lat, 700, 'sportclub');
      expect(sport.features.map((feature) => feature.properties.name)).toEqual(['P100', 'P600']);
    });

    it('finds the k nearest assets, optionally of one category', async () => {
      expect((await asAnon.nearestAssets(lon, lat, 2)).features.map((feature) => feature.properties.name)).toEqual(['P100', 'P300']);
      const sport = await asAnon.nearestAssets(lon, lat, 3, 'sportclub');
      expect(sport.features.map((feature) => feature.properties.name)).toEqual(['P100', 'P600', 'P5000']);
      expect(sport.features[2]!.properties.distance_m).toBeGreaterThan(4950);
    });

    it('lists assets in a bounding box', async () => {
      const box = { west: lon - 0.01, south: lat, east: lon + 0.01, north: lat + 0.01 };
      const { features } = await asAnon.assetsInBbox(box);
      expect(features.map((feature) => feature.properties.name).sort()).toEqual(['P100', 'P300', 'P600']);
      const clubs = await asAnon.assetsInBbox(box, { category: 'buurthuis' });
      expect(clubs.features.map((feature) => feature.properties.name)).toEqual(['P300']);
    });

    it('says how many assets lie in the box when it returns fewer, the oldest first', async () => {
      const box = { west: lon - 0.01, south: lat, east: lon + 0.01, north: lat + 0.01 };
      const firstTwo = await asAnon.assetsInBbox(box, { limit: 2 });
      expect(firstTwo.features.map((feature) => feature.properties.name)).toEqual(['P100', 'P300']);
      expect(firstTwo.total).toBe(3);
      expect((await asAnon.assetsInBbox(box)).total).toBe(3);
      expect((await asAnon.assetsInBbox(box, { category: 'buurthuis', limit: 1 })).total).toBe(1);
    });

    it('leaves an argument given as undefined to its SQL default, as supabase-js does', async () => {
      const call = createSqlRpcCall(database.connection, () => ({ role: 'anon' }));
      const box = { p_west: lon - 0.01, p_south: lat, p_east: lon + 0.01, p_north: lat + 0.01 };
      const result = (await call('assets_in_bbox', { ...box, p_category: undefined, p_limit: undefined })) as { features: unknown[] };
      expect(result.features).toHaveLength(3);
    });

    it('refuses nonsense distances, counts and boxes', async () => {
      expect(await refusal(asAnon.assetsWithin(lon, lat, -5))).toMatchObject({ kind: 'invalid_argument', detail: 'meters' });
      expect(await refusal(asAnon.assetsWithin(lon, 95, 100))).toMatchObject({ kind: 'invalid_argument', detail: 'point' });
      expect(await refusal(asAnon.nearestAssets(lon, lat, 0))).toMatchObject({ kind: 'invalid_argument', detail: 'k' });
      expect(await refusal(asAnon.assetsInBbox({ west: 5, south: 52, east: 4, north: 53 }))).toMatchObject({
        kind: 'invalid_argument',
        detail: 'bbox',
      });
    });
  });

  describe.skipIf(skip)('row-level security beneath the functions', () => {
    it('refuses every direct write by a signed-in resident: the functions are the way in', async () => {
      const asBobSql = (sql: string) => sqlAs({ role: 'authenticated', sub: bob }, sql);
      await expect(
        asBobSql(`insert into public.assets (kind, category, name, geom)
                  values ('place', 'park', 'Nep', extensions.st_setsrid(extensions.st_makepoint(4.5, 52.1), 4326))`),
      ).rejects.toThrow(/permission denied/);
      await expect(asBobSql(`update public.assets set status = 'published'`)).rejects.toThrow(/permission denied/);
      await expect(asBobSql(`insert into public.stories (asset_id, body) select id, 'x' from public.assets limit 1`)).rejects.toThrow(
        /permission denied/,
      );
    });

    it('refuses any direct write by anon', async () => {
      await expect(sqlAs({ role: 'anon' }, `update public.assets set name = 'weg'`)).rejects.toThrow(/permission denied/);
      await expect(sqlAs({ role: 'anon' }, `delete from public.stories`)).rejects.toThrow(/permission denied/);
    });

    it('hides pending assets from everyone but their author, also from direct reads', async () => {
      const pending = await asAlice.addAsset({
        kind: 'place',
        category: 'park',
        name: 'Wacht op controle',
        geometry: metresNorthOf(5.55, 52.05, 0),
      });
      expect(pending.properties.status).toBe('pending');
      const visible = async (claims: Claims) =>
        (await sqlAs(claims, `select name from public.assets where status = 'pending'`)).map((row) => row.name);
      expect(await visible({ role: 'authenticated', sub: alice })).toEqual(['Wacht op controle']);
      expect(await visible({ role: 'authenticated', sub: bob })).toEqual([]);
      expect(await visible({ role: 'anon' })).toEqual([]);
    });

    it('gives every API function a statement timeout (PostgREST 12.2+ applies it to the request)', async () => {
      const { rows } = await database.connection.query<{ name: string; timeout: string | null }>(
        `select p.proname as name,
                (select substring(setting from 'statement_timeout=(.*)') from unnest(p.proconfig) setting
                 where setting like 'statement_timeout=%') as timeout
         from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind = 'f' order by 1`,
      );
      expect(rows.length).toBeGreaterThan(30);
      expect(rows.filter((row) => row.timeout === null).map((row) => row.name)).toEqual([]);
      // Reads are cut short quickly; only the imports (one call per file) and a snapshot (every target, both ways) get a minute or more.
      const long = rows.filter((row) => /^\d+s$/.test(row.timeout ?? '') && Number.parseInt(row.timeout!, 10) > 30);
      expect(long.map((row) => row.name).sort()).toEqual([
        'import_area_population',
        'import_areas',
        'import_areas_with_population',
        'import_assets',
        'import_population_cells',
        'import_population_weights',
        'import_target_group',
        'import_walk_network',
        'keep_monthly_snapshot',
        'take_snapshot',
      ]);
    });

    it('does not expose internal helpers as API: PUBLIC has no execute right on them', async () => {
      const { rows } = await database.connection.query<{ name: string }>(
        `select p.proname as name from pg_proc p
         where p.pronamespace in ('public'::regnamespace, 'internal'::regnamespace)
           and has_function_privilege('public', p.oid, 'execute') and p.prokind = 'f'`,
      );
      // PostGIS lives in `extensions`; nothing of ours may be callable by PUBLIC.
      expect(rows).toEqual([]);
    });
  });
});
