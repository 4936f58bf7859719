/**
 * The app's API on the shared stand-in project as one signed-in person, built
 * the way the app's Supabase backend builds it (supabase-js rpc() → /rest/v1 →
 * PostgREST), but with a session the test signed instead of a sign-in. For
 * setting a scene up as an administrator, or looking as someone else.
 */
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSupabaseRpcCall } from '../../src/backend/supabase/supabaseRpcCall';

export function apiAs(project: { apiUrl: string; anonKey: string }, accessToken: string): WijkkrachtApi {
  const client = createClient(project.apiUrl, project.anonKey, {
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; realtime is never used.
    realtime: { transport: ws as never },
  });
  return createApi(createSupabaseRpcCall(client));
}
