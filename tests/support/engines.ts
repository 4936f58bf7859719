import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import pg from 'pg';
import { applyMigrations } from '../../src/backend/migrations';
import type { SqlConnection, SqlQueryable } from '../../src/backend/sqlConnection';
import { readAuthShim, readMigrations } from './migrationFiles';
import { requirementMissing } from './sharedRequirements';

export interface TestDatabase {
  /** A superuser connection; switch roles per call through createSqlRpcCall. */
  connection: SqlConnection;
  close(): Promise<void>;
}

/** In-memory PGlite + PostGIS with the migrations applied (~10 s: share one per file). */
export async function openPgliteDatabase(): Promise<TestDatabase> {
  const database = await PGlite.create({ extensions: { postgis } });
  await applyMigrations(database, readMigrations(), readAuthShim());
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

/** A fresh database on the test cluster with the migrations applied; close() drops it. */
export async function openPostgresDatabase(clusterUrl: string): Promise<TestDatabase & { url: string }> {
  const name = `wijkkracht_test_${process.pid}_${++databaseCounter}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = clusterUrl.replace(/\/[^/]*$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const connection = pgClientConnection(client);
  await applyMigrations(connection, readMigrations(), readAuthShim());
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
export function sqlEngines(postgresUrl: string | null) {
  return [
    { name: 'PGlite + PostGIS', skip: false as string | false, open: openPgliteDatabase },
    {
      name: 'PostgreSQL 15 + PostGIS 3',
      skip: requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', postgresUrl !== null),
      open: () => openPostgresDatabase(postgresUrl as string),
    },
  ];
}
