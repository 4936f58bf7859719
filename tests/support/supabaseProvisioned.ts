import pg from 'pg';
import { applyMigrations } from '../../src/backend/migrations';
import { openPostgresDatabase, type TestDatabase } from './engines';
import { readLocalStandIns, readMigrations } from './migrationFiles';

/**
 * What a new Supabase project grants before any migration runs (supabase/postgres,
 * migrations/db/init-scripts/00000000000000-initial-schema.sql): every table,
 * function and sequence created in `public` is granted in full to the API roles.
 * The auth shim leaves this out, so the other tests run on a database that is
 * stricter than the one the migrations are deployed to.
 */
const supabaseDefaultPrivileges = `
  grant usage on schema public to anon, authenticated, service_role;
  alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
  alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
  alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
`;

let counter = 0;

async function runOn(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database on the test cluster, provisioned as Supabase provisions a project, then migrated. close() drops it. */
export async function openSupabaseProvisionedDatabase(clusterUrl: string): Promise<TestDatabase> {
  // An empty project (auth shim + Supabase's grants) as a template, so openPostgresDatabase can copy and drop it.
  const project = `wijkkracht_supabase_project_${process.pid}_${++counter}`;
  await runOn(clusterUrl, `create database ${project}`);
  await runOn(clusterUrl.replace(/\/[^/]*$/, `/${project}`), readLocalStandIns({ storage: true }) + supabaseDefaultPrivileges);
  const database = await openPostgresDatabase(clusterUrl, project);
  await applyMigrations(database.connection, readMigrations(), readLocalStandIns({ storage: true }));
  return {
    connection: database.connection,
    async close() {
      await database.close();
      await runOn(clusterUrl, `drop database if exists ${project}`);
    },
  };
}
