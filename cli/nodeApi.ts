import WebSocket from 'ws';
import { createApi, type WijkkrachtApi } from '../src/backend/api';
import { ensureLocalUser, localUserClaims, readLocalUserId } from '../src/backend/embedded/localUser';
import { createSqlRpcCall } from '../src/backend/sqlRpc';
import { createServiceRoleApi } from '../src/backend/supabase/createServiceRoleApi';
import { openMigratedPglite } from './migrationFiles';

export interface NodeApi {
  api: WijkkrachtApi;
  /** Where the data went, to tell the user. */
  description: string;
  close(): Promise<void>;
}

/**
 * The backend for bulk loads from the command line. With SUPABASE_URL and
 * SUPABASE_SERVICE_ROLE_KEY set it writes to that Supabase project as
 * service_role (a coordinator by definition); otherwise to an embedded
 * database in a folder, running the same migrations as the app.
 */
export async function openNodeApi(databaseDirectory: string, environment = process.env): Promise<NodeApi> {
  const url = environment.SUPABASE_URL;
  const serviceRoleKey = environment.SUPABASE_SERVICE_ROLE_KEY;
  if (url && serviceRoleKey) {
    // Node 20 has no WebSocket of its own, and supabase-js needs one to start.
    return { api: createServiceRoleApi(url, serviceRoleKey, WebSocket), description: url, close: async () => undefined };
  }
  const database = await openMigratedPglite(databaseDirectory);
  await ensureLocalUser(database);
  const sub = await readLocalUserId(database);
  return {
    api: createApi(createSqlRpcCall(database, () => localUserClaims(sub))),
    description: databaseDirectory,
    close: () => database.close(),
  };
}
