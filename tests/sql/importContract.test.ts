/**
 * Bulk import, export and areas in SQL, on both engines: atomic imports with a
 * per-row report, re-imports that update by source id, dry runs that write
 * nothing, and who may import at all.
 */
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { refusedRowsOf } from '../../src/backend/apiError';
import { createSqlRpcCall, type Claims } from '../../src/backend/sqlRpc';
import type { AssetImportRow, ImportReport } from '../../src/backend/wireTypes';
import { buildAssetPlan } from '../../src/import/buildPlan';
import { commitImport, issuesFromRefusal, previewImport, withRefusedRows } from '../../src/import/runImport';
import { centre, north, refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';

const admin: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-0000000c0012',
  app_metadata: { wijkkracht_role: 'admin' },
};
const otherAdmin: Claims = { ...admin, sub: '00000000-0000-4000-8000-0000000c0013' };
const resident: Claims = { role: 'authenticated', sub: '00000000-0000-4000-8000-00000000a11c' };

const engines = sqlEngines(inject('sqlSetup'));

const place = (row: number, sourceId: string | null, name: string, metres = row * 50): AssetImportRow => ({
  row,
  kind: 'place',
  category: 'buurthuis',
  name,
  geometry: north(metres),
  dimensions: ['meedoen'],
  source_id: sourceId,
});

/** A square of `size` degrees with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});
const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [4.49, 52.16],
      [4.51, 52.18],
      [4.51, 52.16],
      [4.49, 52.18],
      [4.49, 52.16],
    ],
  ],
};

describe.each(engines)('SQL import and export on $name', ({ skip, open }) => {
  let database: TestDatabase;
  const as = (claims: Claims): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claims));
  const countAssets = async (source: string) =>
    Number(
      (await database.connection.query<{ n: string }>('select count(*) as n from public.assets where source = $1', [source])).rows[0]!.n,
    );

  beforeAll(async () => {
    if (skip) return;
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  describe.skipIf(skip)('assets', () => {
    it('adds new rows, then updates by source id on a re-import instead of duplicating', async () => {
      const api = as(admin);
      const first = await api.importAssets({
        source: 'osm',
        attribution: '© OpenStreetMap-bijdragers',
        rows: [place(1, 'node/1', 'Buurthuis De Linde'), place(2, 'node/2', 'Het Trefpunt')],
      });
      expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0, dry_run: false });

      const again = await api.importAssets({
        source: 'osm',
        attribution: '© OpenStreetMap-bijdragers',
        rows: [place(1, 'node/1', 'Buurthuis De Linde'), place(2, 'node/2', 'Trefpunt Merenwijk'), place(3, 'node/3', 'Nieuw')],
      });
      expect(again).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
      expect(again.rows.map((row) => row.action)).toEqual(['unchanged', 'update', 'add']);
      expect(await countAssets('osm')).toBe(3);

      const renamed = await api.getAsset(again.rows[1]!.id!);
      expect(renamed.feature.properties).toMatchObject({
        name: 'Trefpunt Merenwijk',
        source: 'osm',
        source_id: 'node/2',
        attribution: '© OpenStreetMap-bijdragers',
        version: 2,
      });
    });

    it('refuses the whole import when one row is wrong, and lists every refused row', async () => {
      const before = await countAssets('lijst.csv');
      const error = await refusal(
        as(admin).importAssets({
          source: 'lijst.csv',
          attribution: null,
          rows: [
            place(2, null, 'Goed'),
            place(3, null, '   '),
            { ...place(4, null, 'Vlinder'), kind: 'area', geometry: bowTie },
            { ...place(5, null, 'Onbekend'), category: 'kroeg' },
          ],
        }),
      );
      expect(error.kind).toBe('import_refused');
      expect(refusedRowsOf(error)).toEqual([
        expect.objectContaining({ row: 3, code: 'WKREQ', detail: 'name' }),
        expect.objectContaining({ row: 4, code: 'WKGEO', detail: 'invalid' }),
        expect.objectContaining({ row: 5, code: 'WKCAT' }),
      ]);
      expect(await countAssets('lijst.csv')).toBe(before);
    });

    it('refuses the same source id twice in one file', async () => {
      const error = await refusal(
        as(admin).importAssets({
          source: 'osm-dup',
          attribution: null,
          rows: [place(1, 'way/7', 'Park A'), place(2, 'way/7', 'Park B')],
        }),
      );
      expect(refusedRowsOf(error)).toEqual([expect.objectContaining({ row: 2, code: 'WKDUP', detail: 'way/7' })]);
      expect(await countAssets('osm-dup')).toBe(0);
    });

    it('reports a dry run exactly as the real import, and writes nothing', async () => {
      const batch = { source: 'dry', attribution: null, rows: [place(1, 'a', 'Een'), place(2, 'b', 'Twee')] };
      const preview = await as(admin).importAssets({ ...batch, dryRun: true });
      expect(preview).toMatchObject({ dry_run: true, added: 2 });
      expect(await countAssets('dry')).toBe(0);
      const real = await as(admin).importAssets(batch);
      expect(real.rows.map((row) => row.action)).toEqual(preview.rows.map((row) => row.action));
      expect(await countAssets('dry')).toBe(2);
    });

    it('previews a large file in chunks with progress, and the chunks agree with the one atomic write', async () => {
      const api = as(admin);
      await api.importAssets({ source: 'chunks', attribution: null, rows: [place(1, 'c1', 'Al bekend')] });
      const rows = Array.from({ length: 4500 }, (_, index) =>
        place(index + 1, `c${index + 1}`, index === 0 ? 'Al bekend' : `Plek ${index + 1}`, index === 0 ? 50 : index % 900),
      );
      const plan = buildAssetPlan({
        source: 'chunks',
        attribution: null,
        totalRows: rows.length,
        drafts: rows.map((row) => ({ row: row.row, value: row, issues: [] })),
      });
      const fractions: number[] = [];
      const preview = await previewImport(api, plan, {}, (_phase, fraction) => fractions.push(fraction));
      expect(fractions.length).toBeGreaterThanOrEqual(4);
      expect(fractions.at(-1)).toBe(1);
      expect(await countAssets('chunks')).toBe(1);

      const written = await commitImport(api, plan);
      expect(written).toMatchObject({ added: 4499, unchanged: 1 });
      expect(preview).toMatchObject({ added: 4499, unchanged: 1, updated: 0 });
      expect(written.rows.map((row) => [row.row, row.action])).toEqual(preview.rows.map((row) => [row.row, row.action]));
    });

    it('lists rows SQL refuses from every chunk, and without them the preview goes through', async () => {
      const rows = Array.from({ length: 4500 }, (_, index) => ({
        ...place(index + 1, `r${index + 1}`, `Plek ${index + 1}`, index % 900),
        // Categories are SQL's to know: the browser's checks let these through.
        category: index === 9 || index === 4099 ? 'kroeg' : 'buurthuis',
      }));
      const plan = buildAssetPlan({
        source: 'refusals',
        attribution: null,
        totalRows: rows.length,
        drafts: rows.map((row) => ({ row: row.row, value: row, issues: [] })),
      });
      const refusedIssues = issuesFromRefusal(await previewImport(as(admin), plan).catch((error: unknown) => error));
      expect(refusedIssues.map((issue) => [issue.row, issue.key])).toEqual([
        [10, 'import.row.unknown_category'],
        [4100, 'import.row.unknown_category'],
      ]);
      const withoutThem = withRefusedRows(plan, refusedIssues);
      expect(withoutThem.rows).toHaveLength(4498);
      expect((await previewImport(as(admin), withoutThem, { skipInvalid: true })).added).toBe(4498);
      expect(await countAssets('refusals')).toBe(0);
    });

    it('keeps an archived asset archived when its source sends it again', async () => {
      const api = as(admin);
      const { rows } = await api.importAssets({ source: 'arch', attribution: null, rows: [place(1, 'x', 'Gesloten')] });
      const asset = await api.getAsset(rows[0]!.id!);
      await api.archiveAsset(asset.feature.id, asset.feature.properties.version);
      const again = await api.importAssets({ source: 'arch', attribution: null, rows: [place(1, 'x', 'Gesloten')] });
      expect(again.rows[0]).toMatchObject({ action: 'skip_archived' });
      expect((await api.getAsset(asset.feature.id)).feature.properties.status).toBe('archived');
    });

    it('lets only importers say where an asset came from, so nobody can claim an OSM id or a credit', async () => {
      const asResident = (sql: string) =>
        database.connection.transaction(async (tx) => {
          await tx.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
            JSON.stringify(resident),
          ]);
          return tx.query(sql);
        });
      // Directly, a resident may not write the table at all.
      await expect(
        asResident(`insert into public.assets (kind, category, name, geom, source, source_id, attribution)
                    values ('place', 'park', 'Nep', extensions.st_setsrid(extensions.st_makepoint(4.5, 52.17), 4326),
                            'osm', 'node/4242', '© Gemeente (officieel)')`),
      ).rejects.toThrow(/permission denied/);

      // Beneath that, the trigger refuses it on any path that reaches the table as a resident
      // (here: the table owner's connection carrying a resident's claims, as a security definer function would).
      const throughOwner = (sql: string) =>
        database.connection.transaction(async (tx) => {
          await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(resident)]);
          return tx.query(sql);
        });
      await expect(
        throughOwner(`insert into public.assets (kind, category, name, geom, source, source_id, attribution)
                      values ('place', 'park', 'Nep', extensions.st_setsrid(extensions.st_makepoint(4.5, 52.17), 4326),
                              'osm', 'node/4242', '© Gemeente (officieel)')`),
      ).rejects.toThrow(/only importers may say where an asset came from/);
      const own = await as(resident).addAsset({ kind: 'place', category: 'park', name: 'Eigen plek', geometry: north(10) });
      await expect(throughOwner(`update public.assets set source = 'osm' where id = '${own.id}'`)).rejects.toThrow(
        /only importers may say where an asset came from/,
      );
      await as(resident).updateAsset(own.id, own.properties.version, { name: 'Eigen plek, hernoemd' });
    });

    it('lets an administrator re-import what another archived: it stays archived', async () => {
      const { rows } = await as(admin).importAssets({ source: 'arch2', attribution: null, rows: [place(1, 'y', 'Dicht')] });
      const asset = await as(admin).getAsset(rows[0]!.id!);
      await as(admin).archiveAsset(asset.feature.id, asset.feature.properties.version);
      const again = await as(otherAdmin).importAssets({ source: 'arch2', attribution: null, rows: [place(1, 'y', 'Dicht')] });
      expect(again.rows[0]).toMatchObject({ action: 'skip_archived', id: asset.feature.id });
    });

    it('lets another administrator update imported assets, but not a resident', async () => {
      await as(admin).importAssets({ source: 'shared', attribution: null, rows: [place(1, 's1', 'Oud')] });
      const update = await as(otherAdmin).importAssets({ source: 'shared', attribution: null, rows: [place(1, 's1', 'Nieuw')] });
      expect(update.updated).toBe(1);

      for (const claims of [resident, { role: 'anon' } as Claims]) {
        const error = await refusal(as(claims).importAssets({ source: 'shared', attribution: null, rows: [place(1, 's1', 'X')] }));
        expect(error.kind).toBe('forbidden');
      }
    });

    it('refuses more rows than one import may hold', async () => {
      const rows = Array.from({ length: 50_001 }, (_, index) => ({ row: index + 1 }));
      const error = await refusal(as(admin).importAssets({ source: 'big', attribution: null, rows: rows as unknown as AssetImportRow[] }));
      expect(error).toMatchObject({ kind: 'invalid_argument', detail: 'too_many_rows' });
    });
  });

  describe.skipIf(skip)('areas', () => {
    it('adds areas, repairs a self-touching boundary and says so, and updates by code', async () => {
      const api = as(admin);
      const report = await api.importAreas({
        source: 'cbs',
        attribution: 'CBS / Kadaster',
        rows: [
          { row: 1, code: 'WK999901', name: 'Proefwijk', level: 'wijk', geometry: square(centre.lon - 0.01, centre.lat - 0.01, 0.02) },
          { row: 2, code: 'BU99990101', name: 'Vlinderbuurt', level: 'buurt', parent_code: 'WK999901', geometry: bowTie },
        ],
      });
      expect(report.rows).toEqual([
        { row: 1, action: 'add', code: 'WK999901', repaired: false },
        { row: 2, action: 'add', code: 'BU99990101', repaired: true },
      ]);
      const again = await api.importAreas({
        source: 'cbs',
        attribution: 'CBS / Kadaster',
        rows: [
          {
            row: 1,
            code: 'WK999901',
            name: 'Proefwijk Noord',
            level: 'wijk',
            geometry: square(centre.lon - 0.01, centre.lat - 0.01, 0.02),
          },
        ],
      });
      expect(again.rows[0]).toMatchObject({ action: 'update' });

      const wijken = await as({ role: 'anon' }).listAreas('wijk');
      expect(wijken.features.map((feature) => feature.properties)).toEqual([
        expect.objectContaining({ code: 'WK999901', name: 'Proefwijk Noord', attribution: 'CBS / Kadaster' }),
      ]);
      expect((await api.listAreas('buurt')).features[0]!.geometry.type).toBe('MultiPolygon');
    });

    it('refuses a residents area write, through the function and directly', async () => {
      const error = await refusal(
        as(resident).importAreas({
          source: 'x',
          attribution: null,
          rows: [{ row: 1, code: 'X1', name: 'X', level: 'other', geometry: square(4.4, 52.1, 0.01) }],
        }),
      );
      expect(error.kind).toBe('forbidden');
      const direct = database.connection.transaction(async (tx) => {
        await tx.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
          JSON.stringify(resident),
        ]);
        await tx.query(
          "insert into public.areas (code, name, level, geom) values ('X2', 'X', 'other', extensions.st_multi(extensions.st_makeenvelope(4.4, 52.1, 4.41, 52.11, 4326)))",
        );
      });
      await expect(direct).rejects.toThrow(/permission denied/);
    });

    it('imports only the assets that touch a given area', async () => {
      const report = await as(admin).importAssets({
        source: 'within',
        attribution: null,
        withinArea: 'WK999901',
        rows: [place(1, null, 'Binnen', 100), place(2, null, 'Buiten', 5000)],
      });
      expect(report.rows.map((row) => row.action)).toEqual(['add', 'skip_outside_area']);
      expect(report).toMatchObject({ added: 1, skipped: 1 });
      const missing = await refusal(as(admin).importAssets({ source: 'within', attribution: null, withinArea: 'NOPE', rows: [] }));
      expect(missing).toMatchObject({ kind: 'not_found', detail: 'area' });
    });

    it('previews at once only what row by row would accept: a point with a height is refused, one source id twice counted as row by row does', async () => {
      const api = as(admin);
      // GeoJSON allows a height; the table's 2-D column does not, which a preview that writes nothing must still find.
      const withHeight = { ...place(1, 'z1', 'Met hoogte'), geometry: { type: 'Point', coordinates: [4.5, 52.17, 3] } } as AssetImportRow;
      const refused = await refusal(api.importAssets({ source: 'edge', attribution: null, rows: [withHeight], dryRun: true }));
      expect(refused.kind).toBe('import_refused');
      // The same source id under the same row number slips past the duplicate check: the second row updates the first.
      const twice = [place(1, 'same', 'Eerste'), place(1, 'same', 'Tweede')];
      const preview = await api.importAssets({ source: 'edge', attribution: null, rows: twice, dryRun: true });
      expect(preview.rows.map((row) => row.action)).toEqual(['add', 'update']);
      const written = await api.importAssets({ source: 'edge', attribution: null, rows: twice });
      expect(written.rows.map((row) => row.action)).toEqual(['add', 'update']);
    });

    it('writes a clean file at once, with the same report, places, stories, history and coverage as row by row', async () => {
      const api = as(admin);
      const first = await api.importAssets({
        source: 'both-ways',
        attribution: 'Bron',
        rows: [place(1, 'k1', 'Blijft'), place(2, 'k2', 'Wordt anders'), place(3, 'k3', 'Gesloten')],
      });
      const closed = await api.getAsset(first.rows[2]!.id!);
      await api.archiveAsset(closed.feature.id, closed.feature.properties.version);
      const rows: AssetImportRow[] = [
        place(1, 'k1', 'Blijft'),
        place(2, 'k2', 'Nu anders'),
        place(3, 'k3', 'Gesloten'),
        { ...place(4, 'k4', 'Nieuw met verhaal'), story: 'Hier drinken we koffie.', author_name: 'Anna' },
        place(5, null, 'Zonder id'),
        place(6, 'k6', 'Ver weg', 5000),
      ];
      // Each way in its own transaction, rolled back, so both start from the same table.
      const outcome = async (way: 'at_once' | 'by_row') => {
        let seen: unknown;
        await database.connection
          .transaction(async (tx) => {
            await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(admin)]);
            const query = async (sql: string, values: unknown[] = []) => (await tx.query<Record<string, unknown>>(sql, values)).rows;
            const [{ report }] = (await query(
              `select internal.apply_asset_import_${way}('both-ways', 'Bron', $1::jsonb, false, 'WK999901') as report`,
              [JSON.stringify(rows)],
            )) as [{ report: ImportReport }];
            seen = {
              report: { ...report, rows: report.rows.map(({ id, ...rest }) => (rest.action === 'add' ? rest : { id, ...rest })) },
              assets: await query(`select kind, category, dimensions, name, description, extensions.st_astext(geom) as geom, status,
                                          werkgebied_id, attribution, version, source_id
                                   from public.assets where source = 'both-ways' order by name`),
              stories: await query(`select a.name, s.body, s.author_name, s.status from public.stories s
                                    join public.assets a on a.id = s.asset_id where a.source = 'both-ways' order by a.name`),
              history: await query(`select a.name, c.operation, c.new_values - 'id' as new_values from public.changes c
                                    join public.assets a on a.id = c.item_id where a.source = 'both-ways' order by a.name, c.id`),
              counted: await query(`select a.name, k.targets from internal.coverage_assets k
                                    join public.assets a on a.id = k.asset_id where a.source = 'both-ways' order by a.name`),
            };
            throw new Error('roll back');
          })
          .catch((error: unknown) => {
            if (!(error instanceof Error && error.message === 'roll back')) throw error;
          });
        return seen as { report: ImportReport; assets: unknown[]; stories: unknown[] };
      };
      const atOnce = await outcome('at_once');
      expect(atOnce.report.rows.map((row) => row.action)).toEqual([
        'unchanged',
        'update',
        'skip_archived',
        'add',
        'add',
        'skip_outside_area',
      ]);
      expect(atOnce.stories).toEqual([
        { name: 'Nieuw met verhaal', body: 'Hier drinken we koffie.', author_name: 'Anna', status: 'published' },
      ]);
      expect(atOnce).toEqual(await outcome('by_row'));
    });
  });

  describe.skipIf(skip)('export', () => {
    it('exports visible assets with their provenance and story count, and their stories', async () => {
      const api = as(admin);
      const { rows } = await api.importAssets({
        source: 'export-test',
        attribution: 'Gemeente Proefstad',
        rows: [{ ...place(1, 'e1', 'Verhalenbank'), story: 'Hier drinken we koffie.', author_name: 'Ans' }],
      });
      const exported = await as({ role: 'anon' }).exportAssets();
      const feature = exported.features.find((candidate) => candidate.id === rows[0]!.id);
      expect(feature?.properties).toMatchObject({
        name: 'Verhalenbank',
        source: 'export-test',
        source_id: 'e1',
        attribution: 'Gemeente Proefstad',
        story_count: 1,
      });
      expect(exported.features.some((candidate) => candidate.properties.status === 'archived')).toBe(false);

      const stories = await api.exportStories();
      expect(stories.find((story) => story.asset_id === rows[0]!.id)).toMatchObject({
        body: 'Hier drinken we koffie.',
        author_name: 'Ans',
        asset_name: 'Verhalenbank',
        asset_attribution: 'Gemeente Proefstad',
      });
      expect(await api.listAttributions()).toEqual(
        expect.arrayContaining(['CBS / Kadaster', 'Gemeente Proefstad', '© OpenStreetMap-bijdragers']),
      );
    });
  });
});
