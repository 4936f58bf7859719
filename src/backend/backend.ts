import type { WijkkrachtApi } from './api';

/** A running backend: where the data lives, and the seam the UI talks to. */
export interface Backend {
  name: 'embedded' | 'supabase';
  api: WijkkrachtApi;
  close(): Promise<void>;
}
