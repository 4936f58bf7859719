import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { createApi } from '../api';
import type { Backend } from '../backend';
import { createSupabaseRpcCall } from './supabaseRpcCall';

export interface SupabaseBackendOptions {
  url: string;
  anonKey: string;
  /** Extra supabase-js options, e.g. `realtime: { transport: ws }` in Node. */
  clientOptions?: SupabaseClientOptions<'public'>;
}

/**
 * The shared backend. Residents are signed in anonymously (Supabase's anonymous
 * sign-ins), so they act as `authenticated` with their own auth.uid() and RLS
 * can tell their assets apart without asking for an account.
 */
export async function createSupabaseBackend(options: SupabaseBackendOptions): Promise<Backend> {
  const client: SupabaseClient = createClient(options.url, options.anonKey, options.clientOptions);
  const { data } = await client.auth.getSession();
  if (!data.session) {
    const { error } = await client.auth.signInAnonymously();
    // Without a session the app still reads as anon; writes are then refused
    // by the grants and shown to the user as "not allowed".
    if (error) console.warn('Anonymous sign-in failed; continuing read-only', error.message);
  }
  return {
    name: 'supabase',
    api: createApi(createSupabaseRpcCall(client)),
    close: async () => {
      await client.removeAllChannels();
    },
  };
}
