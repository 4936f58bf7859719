/**
 * Two files the embedded database starts from, made before Vite bundles the
 * worker (which refers to them with `new URL(…, import.meta.url)`), in
 * src/backend/embedded/generated/ (not committed), remade only when their inputs change:
 *
 * - `postgis-slim.tar.gz`: PGlite's PostGIS bundle with only what the app uses
 *   (PostGIS itself and PROJ's database; no raster, topology, tiger geocoder,
 *   upgrade scripts): about 8 MB to download instead of 20.
 * - `prebuilt-datadir.tar.gz`: a database with the local stand-ins and every
 *   migration applied, made here with PGlite in Node, so a first visit loads it
 *   (PGlite `loadDataDir`) instead of running initdb, CREATE EXTENSION postgis
 *   and the migrations in the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tar from 'tar';
import type { Plugin } from 'vite';
import { openMigratedPglite, projectRoot, readLocalStandIns, readMigrations } from '../cli/migrationFiles';

const generatedDirectory = join(projectRoot, 'src', 'backend', 'embedded', 'generated');
const require = createRequire(join(projectRoot, 'package.json'));

/** What the app's SQL needs of the PostGIS bundle; everything else is left out. */
function keptInSlimBundle(path: string): boolean {
  if (path.endsWith('/')) return true;
  if (path === 'lib/postgresql/postgis-3.so') return true;
  if (path.startsWith('share/proj/')) return true;
  // CREATE EXTENSION postgis (a store that was not prebuilt) needs its control file and install script.
  return /^share\/postgresql\/extension\/postgis(\.control|--\d+\.\d+\.\d+\.sql)$/.test(path);
}

function fullPostgisBundle(): string {
  return join(dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
}

function packageVersion(name: string): string {
  // Not every package exports its package.json; node_modules is where npm put it.
  return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Remakes `file` when the hash of its inputs differs from the one stored beside it. */
async function keepCurrent(file: string, inputs: string[], make: () => Promise<Uint8Array>): Promise<void> {
  const hash = createHash('sha256').update(inputs.join('\u0000')).digest('hex');
  const hashFile = `${file}.inputs`;
  if (existsSync(file) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) return;
  const bytes = await make();
  writeFileSync(file, bytes);
  writeFileSync(hashFile, hash);
}

async function slimPostgisBundle(): Promise<Uint8Array> {
  const directory = mkdtempSync(join(tmpdir(), 'wijkkracht-postgis-'));
  try {
    // One pass: only what is kept is written out, and its paths are noted for packing.
    const kept: string[] = [];
    await tar.x({ file: fullPostgisBundle(), cwd: directory, filter: (path) => keptInSlimBundle(path) && kept.push(path) > 0 });
    const packed = join(directory, 'slim.tar.gz');
    await tar.c({ file: packed, cwd: directory, gzip: { level: 9 }, portable: true, noDirRecurse: true }, kept);
    return readFileSync(packed);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function prebuiltDataDirectory(): Promise<Uint8Array> {
  const database = await openMigratedPglite();
  try {
    const dump = await database.dumpDataDir('gzip');
    return new Uint8Array(await dump.arrayBuffer());
  } finally {
    await database.close();
  }
}

/** Makes both files when missing or stale (see the top of this file). */
async function makeEmbeddedDatabaseFiles(): Promise<void> {
  mkdirSync(generatedDirectory, { recursive: true });
  const versions = ['@electric-sql/pglite', '@electric-sql/pglite-postgis'].map((name) => `${name}@${packageVersion(name)}`);
  await keepCurrent(join(generatedDirectory, 'postgis-slim.tar.gz'), [...versions, keptInSlimBundle.toString()], slimPostgisBundle);
  const migrations = readMigrations().map((migration) => `${migration.version}:${migration.sql}`);
  await keepCurrent(
    join(generatedDirectory, 'prebuilt-datadir.tar.gz'),
    [...versions, readLocalStandIns(), ...migrations],
    prebuiltDataDirectory,
  );
}

/** The Vite side: the files exist before any module (the worker) refers to them, in `vite build` and `vite` alike. */
export function embeddedDatabaseFiles(): Plugin {
  return {
    name: 'wijkkracht-embedded-database-files',
    async buildStart() {
      await makeEmbeddedDatabaseFiles();
    },
  };
}
