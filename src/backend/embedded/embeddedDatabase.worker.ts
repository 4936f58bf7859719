/// <reference lib="webworker" />
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { applyMigrations } from '../migrations';
import type { RpcTransport } from '../rpcCall';
import { createSqlRpcCall } from '../sqlRpc';
import { authShimSql, bundledMigrations } from './bundledMigrations';
import { ensureLocalUser, localUserClaims, readLocalUserId } from './localUser';
import { databaseErrorFields } from './workerErrors';
import { databaseLockName, type CallRequest, type WorkerMessage } from './workerProtocol';

// PGlite runs here, off the main thread, so the map stays smooth while PostGIS
// answers. The page sends API calls; this worker runs them as the local user.
declare const self: DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage) => self.postMessage(message);

/**
 * Two tabs must never open the same IndexedDB database at once. The first
 * holds a Web Lock for as long as its worker lives; a second tab waits (and
 * says so) until the first is closed. A reload releases the lock as it unloads.
 */
async function holdDatabaseLock(): Promise<void> {
  const acquired = await new Promise<boolean>((resolve) => {
    void navigator.locks.request(databaseLockName, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise<never>(() => {}) : undefined;
    });
  });
  if (acquired) return;
  post({ type: 'waiting-for-other-tab' });
  await new Promise<void>((resolve) => {
    void navigator.locks.request(databaseLockName, () => {
      resolve();
      return new Promise<never>(() => {});
    });
  });
}

// The store's name changes when the migration history is rewritten (the 2026-12
// baseline replaced six earlier migrations): an older store is left alone, not migrated.
const storeUrl = 'idb://wijkkracht-2026-12';

async function start(): Promise<RpcTransport> {
  await holdDatabaseLock();
  const database = await PGlite.create({ dataDir: storeUrl, extensions: { postgis } });
  await applyMigrations(database, bundledMigrations, authShimSql);
  await ensureLocalUser(database);
  const sub = await readLocalUserId(database);
  return createSqlRpcCall(database, () => localUserClaims(sub));
}

const ready = start();
ready.then(
  () => post({ type: 'ready' }),
  (error: unknown) => post({ type: 'failed', error: databaseErrorFields(error) }),
);

self.onmessage = async (event: MessageEvent<CallRequest>) => {
  const { id, functionName, args } = event.data;
  try {
    const call = await ready;
    post({ type: 'result', id, result: await call(functionName, args) });
  } catch (error) {
    post({ type: 'error', id, error: databaseErrorFields(error) });
  }
};
