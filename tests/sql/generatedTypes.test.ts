/**
 * src/backend/sqlApi.generated.ts must describe the SQL API as the migrations
 * define it: a function, argument or grant changed in SQL without
 * `npm run gen:types` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generatedTypesPath, generateSqlTypes } from '../../cli/sqlTypes';
import { openPgliteDatabase, type TestDatabase } from '../support/engines';
import { projectRoot } from '../support/migrationFiles';

describe('the generated SQL API types', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openPgliteDatabase(inject('sqlSetup').pgliteDataDir);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('are up to date with the migrations (else: npm run gen:types)', async () => {
    const generated = await generateSqlTypes(database.connection);
    expect(generated).toContain('add_asset: {');
    expect(readFileSync(join(projectRoot, generatedTypesPath), 'utf8')).toBe(generated);
  });

  it('change when a function gains an argument', async () => {
    await database.connection.exec(
      'create function public.zz_probe(p_x int, p_y text default null) returns jsonb language sql as $$ select null::jsonb $$',
    );
    try {
      expect(await generateSqlTypes(database.connection)).toContain('zz_probe: {\n    args: { p_x: number | null; p_y?: string | null };');
    } finally {
      await database.connection.exec('drop function public.zz_probe(int, text)');
    }
  });
});
