import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker (vite-plugin-pwa, Workbox) precaches the app and the
 * database's files: the next visit opens without network. A new version
 * takes over at once (autoUpdate); nothing typed is lost, as drafts are stored.
 * In development there is none (the plugin's module does nothing there).
 * Registered once the database is ready (App.tsx), so on a first visit its
 * downloads do not compete with the database's own.
 */
let registered = false;

export function registerServiceWorker(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  registerSW({ immediate: true });
}
