import { supabaseSettings } from '../env';
import type { Backend } from './backend';
import type { EmbeddedStartOptions } from './embedded/createEmbeddedBackend';

export interface BackendStartOptions extends EmbeddedStartOptions {
  /**
   * Only reading (a shared link, an embed page): in shared mode no anonymous
   * account is made for the visitor; the API reads as `anon`, as RLS allows.
   */
  viewOnly?: boolean;
}

/**
 * Picks the backend: Supabase when VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY
 * are set, else the embedded database. Each is loaded on demand, so the
 * embedded one's 20 MB PostGIS bundle is never fetched for Supabase users.
 */
export async function createBackend(options: BackendStartOptions = {}): Promise<Backend> {
  const supabase = supabaseSettings();
  if (supabase) {
    const { createSupabaseBackend } = await import('./supabase/createSupabaseBackend');
    return createSupabaseBackend({ ...supabase, signInAnonymously: !options.viewOnly });
  }
  const { createEmbeddedBackend } = await import('./embedded/createEmbeddedBackend');
  return createEmbeddedBackend(options);
}
