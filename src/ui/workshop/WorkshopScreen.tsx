import './workshop.css';
import type { Backend } from '../../backend/backend';
import { SessionScreen } from './SessionScreen';
import { SessionWaiting } from './SessionWaiting';
import { useCategories } from './useCategories';
import { useSessionOverview } from './useSessionOverview';

/** `#workshop=<id>`: the session screen, once its overview and the kinds of place have come. */
export function WorkshopScreen({ backend, sessionId }: { backend: Backend; sessionId: string }) {
  const { overview, error, refresh, afterOwnWrite } = useSessionOverview(backend, sessionId);
  const { categories, error: categoriesError } = useCategories(backend.api);
  if (!overview || !categories) return <SessionWaiting error={overview ? categoriesError : error} />;
  return (
    <SessionScreen
      api={backend.api}
      overview={overview}
      categories={categories}
      refreshError={error}
      refresh={refresh}
      afterOwnWrite={afterOwnWrite}
    />
  );
}
