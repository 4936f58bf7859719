/**
 * The IndexedDB store of the embedded database. Its name changes when the
 * migration history is rewritten (the 2026-12 baseline replaced six earlier
 * migrations): an older store is left alone, not migrated.
 *
 * It also names the leader election of PGlite's multi-tab worker. PGlite's
 * default name includes the worker script's URL, which changes with every build:
 * a tab still on the previous version would then elect a second leader and open
 * the same store twice. One name per store keeps one leader per store.
 */
export const embeddedStoreName = 'wijkkracht-2026-12';
export const embeddedStoreUrl = `idb://${embeddedStoreName}`;
