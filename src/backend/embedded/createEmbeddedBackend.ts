import { PGliteWorker } from '@electric-sql/pglite/worker';
import { createApi } from '../api';
import { createPhotoStore } from '../photoStore';
import type { Backend } from '../backend';
import { createSqlRpcCall } from '../sqlRpc';
import { embeddedStoreName } from './embeddedStore';
import { leaderConnection, retryOnLeaderChange } from './leaderConnection';
import { listenAcrossTabs } from './listenAcrossTabs';
import { readLocalUserId } from './localUser';
import { claimsFor, tabGuestId, type EmbeddedIdentity } from './tabIdentity';
import { databaseErrorFromFields, type StartFailedMessage } from './workerErrors';

export interface EmbeddedStartOptions {
  /** Who this tab acts as (tabIdentity.ts); the local user, the administrator, unless said otherwise. */
  identity?: EmbeddedIdentity;
}

/**
 * The default backend: PGlite + PostGIS in a Web Worker, persisted in
 * IndexedDB, running the migrations from supabase/migrations/ on start. Every
 * tab of the browser opens it at once: one tab's worker runs the database
 * (PGlite's leader), the others send their calls there.
 */
export async function createEmbeddedBackend(options: EmbeddedStartOptions = {}): Promise<Backend> {
  const worker = new Worker(new URL('./embeddedDatabase.worker.ts', import.meta.url), { type: 'module' });
  const database = new PGliteWorker(worker, { id: embeddedStoreName });
  try {
    await Promise.race([database.waitReady, startFailure(worker)]);
    const connection = leaderConnection(database);
    const identity = options.identity ?? 'local-user';
    const sub =
      identity === 'tab-guest' ? tabGuestId(sessionStorage) : await retryOnLeaderChange(database, () => readLocalUserId(connection));
    const claims = claimsFor(identity, sub);
    const live = await listenAcrossTabs(database);
    const transport = createSqlRpcCall(connection, () => claims);
    const api = createApi(transport);
    return {
      name: 'embedded',
      api,
      transport,
      // The database keeps the files itself: there is no Storage here.
      photos: createPhotoStore(api, null),
      live,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Rejects when this tab's worker could not start, or became the leader and could not open the database. */
function startFailure(worker: Worker): Promise<never> {
  return new Promise((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'The database worker could not start')));
    worker.addEventListener('message', (event: MessageEvent<Partial<StartFailedMessage>>) => {
      if (event.data.type === 'wijkkracht-start-failed' && event.data.error) reject(databaseErrorFromFields(event.data.error));
    });
  });
}
