import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../src/backend/migrations';
import { pgClientConnection } from './engines';
import { openMigratedPglite, readLocalStandIns, readMigrations } from './migrationFiles';

/**
 * Migrating takes most of a SQL test file's start-up (PostGIS alone is ~5 000
 * objects), so the SQL project migrates once per run: a PGlite data directory
 * dumped after the migrations, loaded by each file, and a PostgreSQL template
 * database that each file clones. Both are made in the vitest global setup.
 */
export interface PreparedPglite {
  /** A tarball of a migrated PGlite data directory (`PGlite.create({ loadDataDir })`). */
  dataDirFile: string;
  remove(): void;
}

export async function preparePgliteDataDir(): Promise<PreparedPglite> {
  const database = await openMigratedPglite();
  const dump = await database.dumpDataDir('none');
  await database.close();
  const directory = mkdtempSync(join(tmpdir(), 'wijkkracht-pglite-'));
  const dataDirFile = join(directory, 'migrated.tar');
  writeFileSync(dataDirFile, new Uint8Array(await dump.arrayBuffer()));
  return { dataDirFile, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

/** The template's name on the test cluster; `create database … template` copies it in a blink. */
export const postgresTemplateName = 'wijkkracht_migrated';

export async function preparePostgresTemplate(clusterUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`create database ${postgresTemplateName}`);
  await admin.end();
  const client = new pg.Client({ connectionString: clusterUrl.replace(/\/[^/]*$/, `/${postgresTemplateName}`) });
  await client.connect();
  try {
    await applyMigrations(pgClientConnection(client), readMigrations(), readLocalStandIns({ storage: true }));
  } finally {
    // A template can only be copied while nobody is connected to it.
    await client.end();
  }
}
