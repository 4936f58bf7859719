import { postgis } from '@electric-sql/pglite-postgis';
import type { Extension } from '@electric-sql/pglite';
import { embeddedStoreName } from './embeddedStore';

/**
 * What the worker starts the database from (made at build time by
 * build/embeddedDatabaseFiles.ts): PostGIS without what the app does not use,
 * and, on a first visit, a database with every migration already applied.
 */
const slimPostgisUrl = new URL('./generated/postgis-slim.tar.gz', import.meta.url);
const prebuiltDataDirUrl = new URL('./generated/prebuilt-datadir.tar.gz', import.meta.url);

/** PGlite's PostGIS extension, loading the slim bundle instead of the full one. */
export const slimPostgis: Extension = {
  name: postgis.name,
  setup: async (pg, emscriptenOptions) => ({ ...(await postgis.setup(pg, emscriptenOptions)), bundlePath: slimPostgisUrl }),
};

/**
 * The prebuilt database for a browser that has none yet; undefined when the
 * store exists (PGlite refuses to load over one) or the file cannot be had,
 * and the worker then creates the database itself, as before.
 */
export async function prebuiltDataDirForFirstVisit(): Promise<Blob | undefined> {
  try {
    const stores = await indexedDB.databases();
    // PGlite's IndexedDB file system names its database after the mount point.
    if (stores.some((store) => store.name === `/pglite/${embeddedStoreName}`)) return undefined;
    const response = await fetch(prebuiltDataDirUrl);
    return response.ok ? await response.blob() : undefined;
  } catch {
    return undefined;
  }
}
