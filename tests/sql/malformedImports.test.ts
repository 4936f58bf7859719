/**
 * Every malformed input, all the way from bytes to the database (PGlite, the
 * app's engine): each gives a clear message (an i18n key that has a Dutch
 * text) and the database holds exactly what it held before. Nothing partial.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { localUserClaims } from '../../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import { nl } from '../../src/i18n/nl';
import { detectFormat, planFromText } from '../../src/import/importSources';
import { readText } from '../../src/import/readText';
import { commitImport } from '../../src/import/runImport';
import { ImportFileError } from '../../src/import/types';
import { openPgliteDatabase, type TestDatabase } from '../support/engines';
import { fixtureBytes } from '../support/importFixtures';

const dutch = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], nl);
// A counted message has plural forms (key_one, key_other) instead of the key itself.
const hasDutchText = (key: string) => typeof dutch(key) === 'string' || typeof dutch(`${key}_other`) === 'string';

// What each file must be refused for: the whole file (file.*) or its rows (row.*).
const malformed = [
  { file: 'broken.json', refusal: 'import.file.broken_json' },
  { file: 'broken.osm', refusal: 'import.file.broken_xml' },
  { file: 'wrong_crs.geojson', refusal: 'import.file.unknown_crs' },
  { file: 'wrong_crs_areas.geojson', refusal: 'import.file.unknown_crs' },
  { file: 'windows1252.csv', refusal: 'import.file.not_utf8' },
  { file: 'self_intersecting.geojson', refusal: 'import.row.invalid_geometry' },
  { file: 'empty_names.geojson', refusal: 'import.row.empty_name' },
  { file: 'html_names.csv', refusal: 'import.row.markup' },
  { file: 'duplicate_osm_ids.geojson', refusal: 'import.row.duplicate_id' },
  { file: 'mixed_rows.csv', refusal: 'import.row.markup' },
];

describe('malformed files are refused clearly, and nothing is written', () => {
  let database: TestDatabase;
  let api: WijkkrachtApi;
  const counts = async () =>
    (
      await database.connection.query<{ assets: number; areas: number }>(
        'select (select count(*) from public.assets)::int as assets, (select count(*) from public.areas)::int as areas',
      )
    ).rows[0];

  beforeAll(async () => {
    database = await openPgliteDatabase(inject('sqlSetup').pgliteDataDir);
    api = createApi(createSqlRpcCall(database.connection, () => localUserClaims('00000000-0000-4000-8000-0000000c0012')));
    // Something to lose: a neighbourhood that is already there.
    await commitImport(
      api,
      planFromText('csv', fixtureBytes('places.csv').toString('utf8'), { fileName: 'places.csv', categories: await api.listCategories() }),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(malformed)('$file: $refusal', async ({ file, refusal }) => {
    const before = await counts();
    const found: string[] = [];
    try {
      const text = await readText(new Uint8Array(fixtureBytes(file)));
      const plan = planFromText(detectFormat(file, text), text, { fileName: file, categories: await api.listCategories() });
      found.push(...plan.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.key));
      await commitImport(api, plan);
      throw new Error(`${file} was imported`);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      found.push(error.key);
    }
    expect(found).toContain(refusal);
    expect(found.every(hasDutchText)).toBe(true);
    expect(await counts()).toEqual(before);
  });
});
