// The page's entry: the map first (mapStart.ts), then the app.
import { startedMapFirstFrame, startMapBeforeApp } from './map/mapStart';
import { showAppLoadFailure } from './appLoadFailure';
import { routeFromHash } from './ui/workshop/workshopRoute';

// The workshop's screens (joining, a session, its summary) open without the map.
if (routeFromHash(location.hash).name === 'map') startMapBeforeApp();
// Loading and starting the app (React, the screens) is long work on the page's one thread: the map's
// first frame comes before it. (Prefetch hints for its files, tried, made that frame later: 1.44x
// the plain page's instead of 1.11x, README.)
await startedMapFirstFrame();
try {
  await import('./startApp');
} catch (error) {
  showAppLoadFailure(error);
}
