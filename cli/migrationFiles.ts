import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { applyMigrations, migrationsFromFiles, type Migration } from '../src/backend/migrations';

export const projectRoot = join(import.meta.dirname, '..');
const migrationsDirectory = join(projectRoot, 'supabase', 'migrations');

/** The migrations as the app applies them, read from disk instead of bundled (Node: CLI and tests). */
export function readMigrations(): Migration[] {
  const files: Record<string, string> = {};
  for (const name of readdirSync(migrationsDirectory).filter((file) => file.endsWith('.sql'))) {
    files[name] = readFileSync(join(migrationsDirectory, name), 'utf8');
  }
  return migrationsFromFiles(files);
}

/**
 * What a Supabase project provides and plain PostgreSQL or PGlite lack (the API
 * roles, `auth`, `realtime`), applied before the migrations; never deployed.
 * With `storage`, also Supabase Storage's tables: for the test clusters that
 * stand for a Supabase project, where photo files go to Storage; without it the
 * database keeps them itself, as the embedded default does (14_photos.sql).
 */
export function readLocalStandIns({ storage = false }: { storage?: boolean } = {}): string {
  return ['auth-shim.sql', 'realtime-shim.sql', ...(storage ? ['storage-shim.sql'] : [])]
    .map((file) => readFileSync(join(projectRoot, 'supabase', 'local', file), 'utf8'))
    .join('\n');
}

/** PGlite + PostGIS with the migrations applied: in memory, or in a folder (a later open applies only what is new). */
export async function openMigratedPglite(dataDir?: string): Promise<PGlite> {
  const database = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { postgis } });
  await applyMigrations(database, readMigrations(), readLocalStandIns());
  return database;
}
