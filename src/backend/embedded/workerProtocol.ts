import type { DatabaseErrorFields } from './workerErrors';

/** Page → worker. */
export interface CallRequest {
  type: 'call';
  id: number;
  functionName: string;
  args: Record<string, unknown>;
}

/** Worker → page. */
export type WorkerMessage =
  | { type: 'waiting-for-other-tab' }
  | { type: 'ready' }
  | { type: 'failed'; error: DatabaseErrorFields }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: DatabaseErrorFields };

/** One browser profile, one IndexedDB database, one tab that owns it. */
export const databaseLockName = 'wijkkracht-embedded-database';
