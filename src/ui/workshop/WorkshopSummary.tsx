import './workshop.css';
import type { Backend } from '../../backend/backend';
import { SessionSummary } from './SessionSummary';
import { SessionWaiting } from './SessionWaiting';
import { useCategories } from './useCategories';
import { useSessionOverview } from './useSessionOverview';

/** `#workshop=<id>&verslag`: the printable summary, once the session's overview and the kinds of place have come. */
export function WorkshopSummary({ backend, sessionId }: { backend: Backend; sessionId: string }) {
  const { overview, error } = useSessionOverview(backend, sessionId);
  const { categories, error: categoriesError } = useCategories(backend.api);
  if (!overview || !categories) return <SessionWaiting error={overview ? categoriesError : error} />;
  return <SessionSummary api={backend.api} overview={overview} categories={categories} />;
}
