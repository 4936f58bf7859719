import type { StoredBasemap } from './storedBasemap';

/**
 * The one stored basemap, in IndexedDB (database `wijkkracht-basemap`, apart
 * from the embedded database's). IndexedDB rather than the origin-private file
 * system: every browser the app supports can put a Blob in IndexedDB from the
 * page (OPFS writes from the page need `createWritable`, which Safari lacks),
 * and Chromium and Firefox keep such a Blob as a file on disk, so reading a
 * tile slices the file and never loads the whole archive into memory.
 */
const databaseName = 'wijkkracht-basemap';
const storeName = 'basemap';
const recordKey = 'current';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
}

async function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(storeName, mode);
      const request = work(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    database.close();
  }
}

export async function loadStoredBasemap(): Promise<StoredBasemap | null> {
  const record = await inStore('readonly', (store) => store.get(recordKey) as IDBRequest<StoredBasemap | undefined>);
  return record ?? null;
}

/** Keeps the basemap (replacing an earlier one) and asks the browser not to clear it when space runs low. */
export async function storeBasemap(basemap: StoredBasemap): Promise<void> {
  await inStore('readwrite', (store) => store.put(basemap, recordKey));
  await navigator.storage?.persist?.().catch(() => false);
}

export async function removeStoredBasemap(): Promise<void> {
  await inStore('readwrite', (store) => store.delete(recordKey));
}
