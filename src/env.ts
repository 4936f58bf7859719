// The only file that reads environment variables (Vite's import.meta.env).

export interface SupabaseSettings {
  url: string;
  anonKey: string;
}

/** Supabase is used when both variables are set; otherwise the embedded database. */
export function supabaseSettings(): SupabaseSettings | null {
  const url = import.meta.env.VITE_SUPABASE_URL as string | undefined;
  const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;
  return url && anonKey ? { url, anonKey } : null;
}
