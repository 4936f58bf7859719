/// <reference lib="webworker" />
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import { applyMigrations } from '../migrations';
import { ignoreAnswersToClosedTabs } from './answersToClosedTabs';
import { bundledMigrations, localShims } from './bundledMigrations';
import { embeddedStoreUrl } from './embeddedStore';
import { ensureLocalUser } from './localUser';
import { leaderDatabase } from './leaderDatabase';
import { prebuiltDataDirForFirstVisit, slimPostgis } from './startFiles';
import { databaseErrorFields, type StartFailedMessage } from './workerErrors';

// Every tab starts this worker, off the main thread so the map stays smooth
// while PostGIS answers. PGlite's worker() holds an election: the winner (the
// leader) runs init and so the one PGlite on the store; the pages of all tabs,
// the leader's own included, send it their statements. When the leader's tab
// closes, the next tab's worker wins and runs init on the same store: the shims
// are idempotent, migrations already recorded are skipped, the local user is kept.
declare const self: DedicatedWorkerGlobalScope;

ignoreAnswersToClosedTabs(self);

void worker({
  async init() {
    try {
      // A first visit starts from the prebuilt database; the migrations below then find nothing to do.
      const loadDataDir = await prebuiltDataDirForFirstVisit();
      const database = await PGlite.create({ dataDir: embeddedStoreUrl, extensions: { postgis: slimPostgis }, loadDataDir });
      await applyMigrations(database, bundledMigrations, localShims.join('\n'));
      await ensureLocalUser(database);
      return leaderDatabase(database);
    } catch (error) {
      const message: StartFailedMessage = { type: 'wijkkracht-start-failed', error: databaseErrorFields(error) };
      self.postMessage(message);
      // Ending this worker ends its hold on the election, so another tab's worker can try.
      self.close();
      throw error;
    }
  },
});
