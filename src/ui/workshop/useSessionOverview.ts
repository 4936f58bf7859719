import { useEffect, useMemo, useRef, useState } from 'react';
import type { Backend } from '../../backend/backend';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import { coalescedRefresh } from './coalescedRefresh';
import { afterBurst } from './quietRefresh';

/** Without live messages (a backend that has none), ask this often. */
const pollMs = 3000;
/**
 * With them, still ask now and then: a message lost on a flaky network, or a
 * Realtime channel that never joined (subscribe() does not say), must not
 * freeze a screen for long.
 */
const safetyPollMs = 10_000;
/** Live messages this close together are one change (a place and its story): one request for them. */
const burstMs = 60;

/**
 * Everything a session's screens show (session_overview), kept current: asked
 * again on every live message of the session's topic (which says only that
 * something changed, so what a screen sees stays what the database lets it
 * see), by polling where the backend has no live messages, and when the
 * network comes back. At most one request is in flight; a burst is one more.
 *
 * `afterOwnWrite` is for what this screen itself just wrote: with live
 * messages the change's own message brings it (asking as well would only queue
 * a second request before the other screens' on a busy database); without
 * them it asks at once.
 */
export function useSessionOverview(backend: Backend, sessionId: string) {
  const { api, live } = backend;
  const [overview, setOverview] = useState<SessionOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const currentSession = useRef(sessionId);
  currentSession.current = sessionId;

  const refresh = useMemo(
    () =>
      coalescedRefresh(async () => {
        try {
          const next = await api.sessionOverview(sessionId);
          if (currentSession.current !== sessionId) return;
          setOverview(next);
          setError(null);
        } catch (failure) {
          if (currentSession.current === sessionId) setError(failure);
          throw failure;
        }
      }),
    [api, sessionId],
  );

  useEffect(() => {
    void refresh();
    const burst = afterBurst(() => void refresh(), burstMs);
    const unsubscribe = live?.subscribe(`session:${sessionId}`, burst.request);
    const timer = setInterval(() => void refresh(), live ? safetyPollMs : pollMs);
    const catchUp = () => void refresh();
    window.addEventListener('online', catchUp);
    return () => {
      unsubscribe?.();
      burst.cancel();
      clearInterval(timer);
      window.removeEventListener('online', catchUp);
    };
  }, [live, refresh, sessionId]);

  const afterOwnWrite = useMemo(() => (live ? () => undefined : () => void refresh()), [live, refresh]);
  return { overview, error, refresh, afterOwnWrite };
}
