import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { createApi, type WijkkrachtApi } from '../api';
import { createSupabaseRpcCall } from './supabaseRpcCall';

type RealtimeTransport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>;

/**
 * A WebSocket class, on Node the `ws` package's. Typed by its constructor
 * only: ws declares its own event types where supabase-js expects the DOM's,
 * though supabase-js names ws as the transport to use on Node.
 */
type WebSocketClass = new (address: string | URL, protocols?: string | string[]) => unknown;

/**
 * The API as Supabase's service role, for bulk loads from the command line
 * (a coordinator by definition). Never in the browser: the key bypasses RLS.
 * supabase-js builds its realtime client at once, and that throws on Node 20
 * (no global WebSocket) although only rpc() is used; so the caller, which runs
 * on Node, passes a WebSocket class.
 */
export function createServiceRoleApi(url: string, serviceRoleKey: string, webSocket: WebSocketClass): WijkkrachtApi {
  const client = createClient(url, serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: webSocket as RealtimeTransport },
  });
  return createApi(createSupabaseRpcCall(client));
}
