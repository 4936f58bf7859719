import { useState } from 'react';
import { useBackend } from './useBackend';
import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';
import { JoinScreen } from './workshop/JoinScreen';
import { tabIdentityFor } from './workshop/tabIdentityChoice';
import { useHashRoute } from './workshop/useHashRoute';
import { WorkshopEntryContext } from './workshop/workshopEntryContext';
import { WorkshopScreen } from './workshop/WorkshopScreen';
import { WorkshopSummary } from './workshop/WorkshopSummary';

/** The start screen until the backend is ready, then the screen the URL hash asks for. */
export function App() {
  const route = useHashRoute();
  // Decided once, before the backend starts: a tab opened by a join link is a participant of its own.
  const [identity] = useState(() => tabIdentityFor(route, sessionStorage));
  const { state, retry } = useBackend({ identity });
  if (state.status !== 'ready') return <StartScreen state={state} onRetry={retry} />;
  const { backend } = state;
  switch (route.name) {
    case 'join':
      return <JoinScreen api={backend.api} initialCode={route.code} />;
    case 'session':
      return <WorkshopScreen key={route.sessionId} backend={backend} sessionId={route.sessionId} />;
    case 'summary':
      return <WorkshopSummary key={route.sessionId} backend={backend} sessionId={route.sessionId} />;
    case 'map':
      return (
        <WorkshopEntryContext.Provider value={backend.api}>
          <Workspace backend={backend} />
        </WorkshopEntryContext.Provider>
      );
  }
}
