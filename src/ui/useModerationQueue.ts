import { useCallback, useEffect } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { ModerationItem } from '../backend/wireTypes';
import { useApiResource } from './useApiResource';

// Others add places meanwhile (shared mode): the number on the button follows now and then.
const refreshMs = 120_000;

/** What waits for the user's decision, for facilitators and admins only (`enabled`); null while unknown. */
export function useModerationQueue(api: WijkkrachtApi, enabled: boolean) {
  const load = useCallback(() => api.moderationQueue(), [api]);
  const { value, error, reload } = useApiResource<ModerationItem[]>(enabled ? load : null);
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [enabled, reload]);
  return { items: value, error, reload };
}
