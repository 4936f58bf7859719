import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { embeddedDatabaseFiles } from './build/embeddedDatabaseFiles';

export default defineConfig(({ mode }) => {
  // In shared mode (Supabase) the embedded database is never loaded, so it is not precached either.
  const env = { ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env };
  const shared = Boolean(env.VITE_SUPABASE_URL && env.VITE_SUPABASE_ANON_KEY);
  return {
    plugins: [
      react(),
      // The slim PostGIS bundle and the prebuilt database the worker starts from.
      embeddedDatabaseFiles(),
      // A service worker that precaches the app (and, embedded, the database's files), so a reload
      // without network opens the app with everything stored; the manifest makes it installable.
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: null,
        includeAssets: ['icon.svg'],
        manifest: {
          name: 'Wijkkracht',
          short_name: 'Wijkkracht',
          description: 'Samen de plekken in kaart brengen die de buurt gezond houden.',
          lang: 'nl',
          start_url: '.',
          scope: '.',
          display: 'standalone',
          orientation: 'any',
          background_color: '#ffffff',
          theme_color: '#00607a',
          icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,wasm,data,gz,woff2,png}'],
          // PGlite's full PostGIS bundle is emitted but never fetched: the worker loads the slim one.
          globIgnores: [
            '**/postgis.tar-*',
            ...(shared ? ['**/pglite-*', '**/postgis*', '**/prebuilt-datadir*', '**/initdb-*', '**/embeddedDatabase.worker-*'] : []),
          ],
          // The database's files are large (PostGIS about 20 MB); they are what makes the app work offline.
          maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
        },
      }),
    ],
    // PGlite loads its WASM and the PostGIS bundle by URL relative to its own
    // modules; pre-bundling would break those URLs.
    optimizeDeps: { exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'] },
    worker: { format: 'es' },
    build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  };
});
