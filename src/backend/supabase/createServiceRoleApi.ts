import { createClient } from '@supabase/supabase-js';
import { createApi, type WijkkrachtApi } from '../api';
import { createSupabaseRpcCall } from './supabaseRpcCall';

/**
 * The API as Supabase's service role, for bulk loads from the command line
 * (a coordinator by definition). Never in the browser: the key bypasses RLS.
 */
export function createServiceRoleApi(url: string, serviceRoleKey: string): WijkkrachtApi {
  const client = createClient(url, serviceRoleKey, { auth: { persistSession: false } });
  return createApi(createSupabaseRpcCall(client));
}
