import { PGliteWorker } from '@electric-sql/pglite/worker';
import { createApi } from '../api';
import type { Backend } from '../backend';
import { createSqlRpcCall, type Claims } from '../sqlRpc';
import { readLocalUserId } from './localUser';
import { unpackDatabaseError } from './workerErrors';

/** IndexedDB database name; one per browser profile. */
export const embeddedDataDir = 'idb://wijkkracht';

/**
 * The default backend: PGlite + PostGIS in a Web Worker, persisted in
 * IndexedDB, running the migrations from supabase/migrations/ on start.
 */
export async function createEmbeddedBackend(): Promise<Backend> {
  const database = new PGliteWorker(
    new Worker(new URL('./embeddedDatabase.worker.ts', import.meta.url), { type: 'module' }),
    { dataDir: embeddedDataDir },
  );
  await database.waitReady;
  const claims: Claims = { role: 'authenticated', sub: await readLocalUserId(database) };
  const call = createSqlRpcCall(database, () => claims);
  return {
    name: 'embedded',
    api: createApi(async (functionName, args) => {
      try {
        return await call(functionName, args);
      } catch (error) {
        throw unpackDatabaseError(error);
      }
    }),
    close: () => database.close(),
  };
}
