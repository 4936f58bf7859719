import { LeaderChangedError, type PGliteWorker } from '@electric-sql/pglite/worker';
import type { SqlConnection, SqlQueryable } from '../sqlConnection';
import { unpackDatabaseError } from './workerErrors';

/**
 * The shared database as the SqlConnection createSqlRpcCall needs, with two
 * things PGliteWorker leaves to its user:
 *
 * - A refusal's SQLSTATE arrives packed into the error message (workerErrors.ts); it is unpacked here.
 * - When the leader's tab closes, PGliteWorker rejects only the message in
 *   flight; the rest of the call (its clean-up, and in a transaction the
 *   statements after it) is still sent, to whichever leader answers next, and
 *   the transaction with the caller's role and claims went with the old leader.
 *   So a call running when the leader changes fails as a whole, at once, with
 *   LeaderChangedError, and a transaction sends nothing after the change. A
 *   transaction none of whose statements was sent yet is sent again instead.
 */
export function leaderConnection(database: PGliteWorker): SqlConnection {
  return {
    query: <Row>(sql: string, params?: unknown[]) => whileLeaderStays(database, () => database.query<Row>(sql, params)),
    exec: (sql) => whileLeaderStays(database, () => database.exec(sql)),
    transaction: (work) => {
      let begun = false;
      const attempt = (leaderChanged: () => boolean) => {
        begun = false;
        return database.transaction((tx) => {
          begun = true;
          const refuseAfterChange = <T>(statement: () => Promise<T>) =>
            leaderChanged() ? Promise.reject(new LeaderChangedError()) : statement();
          const guarded: SqlQueryable = {
            query: (sql, params) => refuseAfterChange(() => tx.query(sql, params)),
            exec: (sql) => refuseAfterChange(() => tx.exec(sql)),
          };
          return work(guarded);
        });
      };
      // Changed before the caller's first statement (as when the leader's tab
      // closed a moment ago): nothing of it happened anywhere.
      return againAfterLeaderChange(database, attempt, () => !begun);
    },
  };
}

/**
 * Runs idempotent work (a read, a LISTEN) again when the leader changed under
 * it, as when this tab starts while another closes. For start-up: a write
 * that met a leader change may or may not have happened, so the app's calls
 * report it instead (contributions carry an idempotency key for trying again).
 */
export function retryOnLeaderChange<T>(database: PGliteWorker, work: () => Promise<T>): Promise<T> {
  return againAfterLeaderChange(database, work, () => true);
}

/** A new leader takes two leader-change events in its own tab; a third attempt covers one more change. */
const attempts = 3;

async function againAfterLeaderChange<T>(
  database: PGliteWorker,
  work: (leaderChanged: () => boolean) => Promise<T>,
  nothingHappened: () => boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await whileLeaderStays(database, work);
    } catch (error) {
      if (!(error instanceof LeaderChangedError) || !nothingHappened() || attempt >= attempts) throw error;
    }
  }
}

/** Runs work that fails at once, with LeaderChangedError, if the leader changes before it is done. */
async function whileLeaderStays<T>(database: PGliteWorker, work: (leaderChanged: () => boolean) => Promise<T>): Promise<T> {
  // Work begun while a new leader starts has sent nothing yet: it waits until
  // the tab is connected again, so the change it was waiting for is not a failure.
  await database.waitReady;
  return new Promise<T>((resolve, reject) => {
    let changed = false;
    const stopWatching = database.onLeaderChange(() => {
      changed = true;
      reject(new LeaderChangedError());
    });
    work(() => changed)
      .then(resolve, (error: unknown) => reject(unpackDatabaseError(error)))
      .finally(stopWatching);
  });
}
