import { useEffect, useState } from 'react';
import { mapPainted } from '../map/mapPainted';
import { registerServiceWorker } from '../registerServiceWorker';
import { DatabaseStatusContext } from './databaseStatus';
import { shareViewFromSearch } from '../domain/shareLink';
import { JoinScreen, SharedMapScreen, WhenLoaded, WorkshopScreen, WorkshopSummary } from './lazyScreens';
import { useBackend } from './useBackend';
import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';
import { tabIdentityFor } from './workshop/tabIdentityChoice';
import { useHashRoute } from './workshop/useHashRoute';
import { WorkshopEntryContext } from './workshop/workshopEntryContext';

/**
 * The map at once, while the database starts in the background (its calls wait
 * for it, see startBackend.ts); the workshop screens once the database is ready.
 */
export function App() {
  const route = useHashRoute();
  // Decided once, before the backend starts: a tab opened by a join link is a participant of its own.
  const [identity] = useState(() => tabIdentityFor(route, sessionStorage));
  // A shared link or embed page (?bekijk= / ?ingebed=): only reading, so no anonymous account in shared mode.
  const [shareView] = useState(() => (route.name === 'map' ? shareViewFromSearch(location.search) : null));
  // The map screen draws its map first, then the database starts (startBackend.ts).
  const { backend, database, retry } = useBackend(
    { identity, viewOnly: shareView !== null },
    route.name === 'map' ? mapPainted : undefined,
  );
  useEffect(() => {
    // After the database, so the service worker's downloads do not compete with it on a first visit.
    // Not for a shared map's visitors (an embed on another website): they did not come for the app.
    if (database.status === 'ready' && !shareView) registerServiceWorker();
  }, [database.status, shareView]);
  if (shareView) {
    return (
      <DatabaseStatusContext.Provider value={database}>
        <WhenLoaded>
          <SharedMapScreen backend={backend} view={shareView} onRetry={retry} />
        </WhenLoaded>
      </DatabaseStatusContext.Provider>
    );
  }
  if (route.name === 'map') {
    return (
      <DatabaseStatusContext.Provider value={database}>
        <WorkshopEntryContext.Provider value={backend.api}>
          <Workspace backend={backend} onRetry={retry} />
        </WorkshopEntryContext.Provider>
      </DatabaseStatusContext.Provider>
    );
  }
  if (database.status !== 'ready') return <StartScreen state={database} onRetry={retry} />;
  return (
    <WhenLoaded>
      {route.name === 'join' && <JoinScreen api={backend.api} initialCode={route.code} />}
      {route.name === 'session' && <WorkshopScreen key={route.sessionId} backend={backend} sessionId={route.sessionId} />}
      {route.name === 'summary' && <WorkshopSummary key={route.sessionId} backend={backend} sessionId={route.sessionId} />}
    </WhenLoaded>
  );
}
