import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { createApi } from '../api';
import type { Backend, StaffSignIn } from '../backend';
import { toApiError } from '../apiError';
import { realtimeBroadcasts } from './realtimeBroadcasts';
import { createPhotoStore } from '../photoStore';
import { storagePhotoFiles } from './storagePhotoFiles';
import { createSupabaseRpcCall } from './supabaseRpcCall';

export interface SupabaseBackendOptions {
  url: string;
  anonKey: string;
  /** Extra supabase-js options, e.g. `realtime: { transport: ws }` in Node. */
  clientOptions?: SupabaseClientOptions<'public'>;
  /**
   * false for a view-only page (a shared link, an embed): no anonymous sign-in,
   * and a session stored in this browser (a resident's, a facilitator's) is not
   * used either, so every call reads as `anon`, whoever opens the page.
   */
  signInAnonymously?: boolean;
}

/**
 * Staff sign in with a magic link (Supabase Auth e-mail OTP); their roles come
 * from public.werkgebied_members and app_metadata, never from this client.
 */
function staffSignIn(client: SupabaseClient): StaffSignIn {
  const fail = (error: { message: string } | null) => {
    if (error) throw toApiError(error);
  };
  return {
    email: async () => (await client.auth.getUser()).data.user?.email ?? null,
    sendLink: async (email, returnTo) => {
      const { error } = await client.auth.signInWithOtp({ email, options: { emailRedirectTo: returnTo, shouldCreateUser: true } });
      fail(error);
    },
    signOut: async () => {
      fail((await client.auth.signOut()).error);
      // A resident again: anonymous, with a new id.
      fail((await client.auth.signInAnonymously()).error);
    },
  };
}

/**
 * The shared backend. Residents are signed in anonymously (Supabase's anonymous
 * sign-ins), so they act as `authenticated` with their own auth.uid() and RLS
 * can tell their assets apart without asking for an account.
 */
export async function createSupabaseBackend(options: SupabaseBackendOptions): Promise<Backend> {
  const viewOnly = options.signInAnonymously === false;
  const client: SupabaseClient = createClient(
    options.url,
    options.anonKey,
    viewOnly
      ? { ...options.clientOptions, auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }
      : options.clientOptions,
  );
  const { data } = await client.auth.getSession();
  if (!data.session && !viewOnly) {
    const { error } = await client.auth.signInAnonymously();
    // Without a session the app still reads as anon; writes are then refused
    // by the grants and shown to the user as "not allowed".
    if (error) console.warn('Anonymous sign-in failed; continuing read-only', error.message);
  }
  const transport = createSupabaseRpcCall(client);
  const api = createApi(transport);
  return {
    name: 'supabase',
    api,
    transport,
    photos: createPhotoStore(api, storagePhotoFiles(client)),
    staffSignIn: staffSignIn(client),
    live: realtimeBroadcasts(client),
    close: async () => {
      await client.removeAllChannels();
    },
  };
}
