import { useState } from 'react';
import { DatabaseStatusContext } from './databaseStatus';
import { JoinScreen, WhenLoaded, WorkshopScreen, WorkshopSummary } from './lazyScreens';
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
  const { backend, database, retry } = useBackend({ identity });
  if (route.name === 'map') {
    return (
      <DatabaseStatusContext.Provider value={database}>
        <WorkshopEntryContext.Provider value={backend.api}>
          <Workspace backend={backend} database={database} onRetry={retry} />
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
