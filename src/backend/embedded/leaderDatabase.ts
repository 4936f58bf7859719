import type { PGlite } from '@electric-sql/pglite';
import { packDatabaseError } from './workerErrors';

type ProtocolOptions = Parameters<PGlite['execProtocolStream']>[1];
type RunMessage = (message: Uint8Array, options?: ProtocolOptions) => Promise<unknown>;

/**
 * The leader's PGlite as PGlite's worker relay uses it for the tabs (the
 * leader's own tab included): the relay calls execProtocol or
 * execProtocolStream for every wire-protocol message of a tab's statement
 * (parse, bind, execute, sync…), and syncToFs when the tab asks.
 *
 * - Errors are packed, so the tab keeps the SQLSTATE (workerErrors.ts).
 * - Writing the store to IndexedDB takes a walk over all its files. By default
 *   it would follow every message, and the tabs ask once more before each
 *   transaction: seconds for one API call. Every call the app makes is one
 *   transaction (sqlRpc.ts), so the store is written once, when a transaction
 *   ends, before its last answer goes back: what a tab was told is saved stays
 *   saved when the leader's tab closes. The tabs' own requests are then not needed.
 */
export function leaderDatabase(database: PGlite): PGlite {
  const forTabs = async (run: RunMessage, message: Uint8Array, options?: ProtocolOptions) => {
    const wasInTransaction = database.isInTransaction();
    try {
      return await run(message, { ...options, syncToFs: false });
    } catch (error) {
      throw packDatabaseError(error);
    } finally {
      if (wasInTransaction && !database.isInTransaction()) await database.syncToFs();
    }
  };
  return new Proxy(database, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (key === 'execProtocol' || key === 'execProtocolStream') {
        const run = (value as RunMessage).bind(target);
        return (message: Uint8Array, options?: ProtocolOptions) => forTabs(run, message, options);
      }
      if (key === 'syncToFs') return async () => {};
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}
