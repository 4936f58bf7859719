import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker (vite-plugin-pwa, Workbox) precaches the app and the
 * database's files: the next visit opens without network. A new version
 * takes over at once (autoUpdate); nothing typed is lost, as drafts are stored.
 * In development there is none (the plugin's module does nothing there).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
