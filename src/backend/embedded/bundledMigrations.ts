import authShimSql from '../../../supabase/local/auth-shim.sql?raw';
import realtimeShimSql from '../../../supabase/local/realtime-shim.sql?raw';
import { migrationsFromFiles } from '../migrations';

// Vite inlines the same files `supabase db push` deploys: one source of truth.
const files = import.meta.glob<string>('../../../supabase/migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const bundledMigrations = migrationsFromFiles(files);

/** What Supabase provides and PGlite lacks (supabase/local/), applied in this order before the migrations. */
export const localShims = [authShimSql, realtimeShimSql];
