/**
 * supabase/schemas/ (the schema as readable state) and supabase/migrations/
 * (what is deployed) must define the same database: a change to one without
 * the other fails here. Runs on the throwaway PostgreSQL 15 cluster.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogSnapshot, type CatalogSnapshot } from '../support/catalogSnapshot';
import { openPostgresDatabase, pgClientConnection, type TestDatabase } from '../support/engines';
import { readLocalStandIns, readDeclaredSchema } from '../support/migrationFiles';
import { requirementMissing } from '../support/sharedRequirements';

const setup = inject('sqlSetup');

/** Functions PUBLIC may execute: no ACL at all (PostgreSQL's default) or an explicit `=X` entry. */
function executableByPublic(snapshot: CatalogSnapshot): string[] {
  return Object.entries(snapshot.functions)
    .filter(([, definition]) => {
      const acl = /-- acl: (.*)$/.exec(definition)?.[1] ?? 'default';
      return acl.startsWith('default') || acl.split(',').some((entry) => entry.startsWith('=X'));
    })
    .map(([name]) => name);
}
const skip = requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', setup.postgresUrl !== null);

describe.skipIf(skip)('schemas/ and migrations/ define the same database', () => {
  let migrated: TestDatabase;
  let declared: pg.Client;
  let declaredName: string;
  let fromMigrations: CatalogSnapshot;
  let fromSchemas: CatalogSnapshot;

  beforeAll(async () => {
    const clusterUrl = setup.postgresUrl as string;
    // Migrated afresh (not the template), so this compares the files as they are now.
    migrated = await openPostgresDatabase(clusterUrl);
    declaredName = `wijkkracht_declared_${process.pid}`;
    const admin = new pg.Client({ connectionString: clusterUrl });
    await admin.connect();
    await admin.query(`create database ${declaredName}`);
    await admin.end();
    declared = new pg.Client({ connectionString: clusterUrl.replace(/\/[^/]*$/, `/${declaredName}`) });
    await declared.connect();
    await declared.query(readLocalStandIns({ storage: true }));
    // One session, file after file, as a reader would apply them.
    for (const { file, sql } of readDeclaredSchema()) {
      try {
        await declared.query(sql);
      } catch (error) {
        throw new Error(`${file} does not apply: ${(error as Error).message}`, { cause: error });
      }
    }
    fromMigrations = await catalogSnapshot(migrated.connection);
    fromSchemas = await catalogSnapshot(pgClientConnection(declared));
  });

  afterAll(async () => {
    await migrated?.close();
    await declared?.end();
    if (!skip) {
      const admin = new pg.Client({ connectionString: setup.postgresUrl as string });
      await admin.connect();
      await admin.query(`drop database if exists ${declaredName} with (force)`);
      await admin.end();
    }
  });

  it.each(['schemas', 'enums', 'tables', 'columns', 'constraints', 'indexes', 'policies', 'triggers', 'functions'] as const)(
    'has the same %s',
    (part) => {
      expect(Object.keys(fromSchemas[part]).length).toBeGreaterThan(0);
      expect(fromSchemas[part]).toEqual(fromMigrations[part]);
    },
  );

  it('has the same reference data', async () => {
    const rows = async (database: { query: (sql: string) => Promise<{ rows: unknown[] }> }) =>
      (await database.query('select * from public.categories order by id')).rows;
    const declaredRows = await rows(declared);
    expect(declaredRows.length).toBeGreaterThan(0);
    expect(declaredRows).toEqual(await rows(migrated.connection));
  });

  it('leaves no function executable by PUBLIC (every function has its own grant)', () => {
    expect(executableByPublic(fromSchemas)).toEqual([]);
  });

  it('notices a grant, a body or a policy that differs', async () => {
    await declared.query('begin');
    try {
      await declared.query('revoke execute on function public.coverage(text, double precision, text, jsonb, uuid, boolean) from anon');
      await declared.query(`create or replace function internal.coverage_max_distance() returns double precision
                            language sql immutable as $$ select 2500::double precision $$`);
      await declared.query('alter policy "Everyone can read areas" on public.areas using (level <> \'pc4\')');
      await declared.query('grant execute on function internal.require_rows(jsonb, int) to public');
      const changed = await catalogSnapshot(pgClientConnection(declared));
      expect(executableByPublic(changed)).toEqual(['internal.require_rows(p_rows jsonb, p_max integer)']);
      expect(
        changed.functions[
          'public.coverage(p_target text, p_distance double precision, p_buurt_code text, p_candidates jsonb, p_werkgebied uuid, p_without_stale boolean)'
        ],
      ).not.toEqual(
        fromMigrations.functions[
          'public.coverage(p_target text, p_distance double precision, p_buurt_code text, p_candidates jsonb, p_werkgebied uuid, p_without_stale boolean)'
        ],
      );
      expect(changed.functions['internal.coverage_max_distance()']).not.toEqual(
        fromMigrations.functions['internal.coverage_max_distance()'],
      );
      expect(changed.policies).not.toEqual(fromMigrations.policies);
    } finally {
      await declared.query('rollback');
    }
  });
});
