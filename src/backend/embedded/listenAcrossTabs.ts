import { LeaderChangedError, type PGliteWorker } from '@electric-sql/pglite/worker';
import type { Backend } from '../backend';
import { retryOnLeaderChange } from './leaderConnection';
import { liveTopics } from './liveTopics';

/** The channel the database's stand-in for Supabase's `realtime.send` notifies on. */
const liveChannel = 'wijkkracht_realtime';

/**
 * Live messages in the embedded database: the leader's PGlite hands every
 * NOTIFY to all tabs, and this tab passes each to the subscribers of its topic.
 */
export async function listenAcrossTabs(database: PGliteWorker): Promise<NonNullable<Backend['live']>> {
  const topics = liveTopics();
  const listen = () => database.listen(liveChannel, topics.deliver);
  // LISTEN belongs to the leader's database session: a new leader starts without
  // it, so each tab asks again (PGliteWorker keeps one callback per function).
  // Should the leader change once more meanwhile, that change asks again too.
  database.onLeaderChange(() => {
    listen().catch((error: unknown) => {
      if (!(error instanceof LeaderChangedError)) throw error;
    });
  });
  await retryOnLeaderChange(database, listen);
  return { subscribe: topics.subscribe };
}
