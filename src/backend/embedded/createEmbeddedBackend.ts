import { createApi } from '../api';
import type { Backend } from '../backend';
import { databaseErrorFromFields } from './workerErrors';
import type { CallRequest, WorkerMessage } from './workerProtocol';

export interface EmbeddedStartOptions {
  /** Called when another tab holds the database and this one has to wait. */
  onWaitingForOtherTab?(): void;
}

/**
 * The default backend: PGlite + PostGIS in a Web Worker, persisted in
 * IndexedDB, running the migrations from supabase/migrations/ on start.
 */
export async function createEmbeddedBackend(options: EmbeddedStartOptions = {}): Promise<Backend> {
  const worker = new Worker(new URL('./embeddedDatabase.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;

  await new Promise<void>((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(event.message || 'The database worker could not start'));
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'waiting-for-other-tab':
          options.onWaitingForOtherTab?.();
          break;
        case 'ready':
          resolve();
          break;
        case 'failed':
          reject(databaseErrorFromFields(message.error));
          break;
        case 'result':
          pending.get(message.id)?.resolve(message.result);
          pending.delete(message.id);
          break;
        case 'error':
          pending.get(message.id)?.reject(databaseErrorFromFields(message.error));
          pending.delete(message.id);
          break;
      }
    };
  }).catch((error: unknown) => {
    worker.terminate();
    throw error;
  });

  return {
    name: 'embedded',
    api: createApi(
      (functionName, args) =>
        new Promise((resolve, reject) => {
          const id = ++nextId;
          pending.set(id, { resolve, reject });
          const request: CallRequest = { type: 'call', id, functionName, args };
          worker.postMessage(request);
        }),
    ),
    close: async () => {
      worker.terminate();
      for (const { reject } of pending.values()) reject(new Error('The database was closed'));
      pending.clear();
    },
  };
}
