/// <reference lib="webworker" />
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { worker } from '@electric-sql/pglite/worker';
import { applyMigrations } from '../migrations';
import { authShimSql, bundledMigrations } from './bundledMigrations';
import { ensureLocalUser } from './localUser';
import { packDatabaseError } from './workerErrors';

// PGlite runs here, off the main thread, so the map stays smooth while
// PostGIS answers. PGlite's worker() elects one leader tab; other tabs share it.
void worker({
  async init(options) {
    const database = await PGlite.create({
      dataDir: options.dataDir ?? 'idb://wijkkracht',
      extensions: { postgis },
      relaxedDurability: false,
    });
    await applyMigrations(database, bundledMigrations, authShimSql);
    await ensureLocalUser(database);
    // The page's PGliteWorker runs every statement through execProtocol.
    const execProtocol = database.execProtocol.bind(database);
    database.execProtocol = async (...args) => {
      try {
        return await execProtocol(...args);
      } catch (error) {
        throw packDatabaseError(error);
      }
    };
    return database;
  },
});
