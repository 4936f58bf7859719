import type { SqlConnection } from './sqlConnection';

export interface Migration {
  /** Timestamp prefix of the file name, e.g. "20261123120000". */
  version: string;
  name: string;
  sql: string;
}

/**
 * Turns `{ 'supabase/migrations/20261123120000_schema.sql': sql }` (as read from
 * disk or from Vite's import.meta.glob) into migrations in apply order.
 */
export function migrationsFromFiles(files: Record<string, string>): Migration[] {
  return Object.entries(files)
    .map(([path, sql]) => {
      const fileName = path.split('/').pop() ?? path;
      const [, version, name] = /^(\d{14})_(.+)\.sql$/.exec(fileName) ?? [];
      if (!version || !name) throw new Error(`Migration file name must look like 20261123120000_name.sql: ${fileName}`);
      return { version, name, sql };
    })
    .sort((a, b) => a.version.localeCompare(b.version));
}

// Same schema and table name as the Supabase CLI uses, so a database's history
// reads the same wherever the migrations were applied.
const trackingTableSql = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (
    version text primary key,
    name text,
    applied_at timestamptz not null default now()
  );
`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies the local auth shim (idempotent) and every migration not yet recorded,
 * each in its own transaction, in version order. Must run as a superuser.
 */
export async function applyMigrations(connection: SqlConnection, migrations: Migration[], authShimSql: string): Promise<MigrationReport> {
  await connection.exec(authShimSql);
  await connection.exec(trackingTableSql);
  const { rows } = await connection.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  const done = new Set(rows.map((row) => row.version));
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    if (done.has(migration.version)) {
      report.alreadyApplied.push(migration.version);
      continue;
    }
    await connection.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
    // Migrations set search_path for their own statements; don't leak it.
    await connection.exec('reset search_path');
    report.applied.push(migration.version);
  }
  return report;
}
