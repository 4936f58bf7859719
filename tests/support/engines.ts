import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { applyMigrations } from '../../src/backend/migrations';
import type { SqlConnection, SqlQueryable } from '../../src/backend/sqlConnection';
import { openMigratedPglite, readLocalStandIns, readMigrations } from './migrationFiles';
import { requirementMissing } from './sharedRequirements';

export interface TestDatabase {
  /** A superuser connection; switch roles per call through createSqlRpcCall. */
  connection: SqlConnection;
  close(): Promise<void>;
}

/** What the SQL project's global setup prepared (tests/support/sqlGlobalSetup.ts), or null outside vitest. */
export interface SqlTestSetup {
  /** Superuser URL of the throwaway cluster; null when PostgreSQL is not installed. */
  postgresUrl: string | null;
  /** A migrated database on that cluster to clone; null: migrate each database. */
  postgresTemplate: string | null;
  /** A migrated PGlite data directory to load; null: migrate each database. */
  pgliteDataDir: string | null;
}

/**
 * In-memory PGlite + PostGIS with the migrations applied: loaded from a migrated
 * data directory when one is given (a few seconds), else migrated here (~15 s).
 */
export async function openPgliteDatabase(migratedDataDir: string | null = null): Promise<TestDatabase> {
  if (migratedDataDir) {
    const database = await PGlite.create({ loadDataDir: new Blob([readFileSync(migratedDataDir)]), extensions: { postgis } });
    return { connection: database, close: () => database.close() };
  }
  const database = await openMigratedPglite();
  return { connection: database, close: () => database.close() };
}

export function pgClientConnection(client: pg.Client): SqlConnection {
  const queryable: SqlQueryable = {
    query: async <Row>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
    exec: (sql: string) => client.query(sql),
  };
  return {
    ...queryable,
    async transaction(work) {
      await client.query('begin');
      try {
        const result = await work(queryable);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
  };
}

let databaseCounter = 0;

/**
 * A fresh database on the test cluster with the migrations applied: a copy of the
 * migrated template when one is given, else migrated here. close() drops it.
 */
export async function openPostgresDatabase(
  clusterUrl: string,
  migratedTemplate: string | null = null,
): Promise<TestDatabase & { url: string }> {
  const name = `wijkkracht_test_${process.pid}_${++databaseCounter}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(migratedTemplate ? `create database ${name} template ${migratedTemplate}` : `create database ${name}`);
  await admin.end();
  const url = clusterUrl.replace(/\/[^/]*$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const connection = pgClientConnection(client);
  if (!migratedTemplate) await applyMigrations(connection, readMigrations(), readLocalStandIns({ storage: true }));
  return {
    connection,
    url,
    async close() {
      await client.end();
      const dropper = new pg.Client({ connectionString: clusterUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The two engines every SQL test runs on; PostgreSQL skips (or fails in CI) when it is not installed. */
export function sqlEngines(setup: SqlTestSetup) {
  return [
    { name: 'PGlite + PostGIS', skip: false as string | false, open: () => openPgliteDatabase(setup.pgliteDataDir) },
    {
      name: 'PostgreSQL 15 + PostGIS 3',
      skip: requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', setup.postgresUrl !== null),
      open: () => openPostgresDatabase(setup.postgresUrl as string, setup.postgresTemplate),
    },
  ];
}
