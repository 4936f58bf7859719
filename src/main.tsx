// The page's entry: the map first (mapStart.ts), then the app.
import { startedMapFirstFrame, startMapBeforeApp } from './map/mapStart';
import { routeFromHash } from './ui/workshop/workshopRoute';

// The workshop's screens (joining, a session, its summary) open without the map.
if (routeFromHash(location.hash).name === 'map') startMapBeforeApp();
// Loading and starting the app (React, the screens) is long work on the page's one thread: the map's
// first frame comes before it, and MapLibre's own worker gets going meanwhile.
await startedMapFirstFrame();
await import('./startApp');
