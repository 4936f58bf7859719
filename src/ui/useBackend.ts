import { useCallback, useEffect, useState } from 'react';
import type { Backend } from '../backend/backend';
import { createBackend } from '../backend/createBackend';

export type BackendState =
  | { status: 'starting'; since: number; waitingForOtherTab?: boolean }
  | { status: 'ready'; backend: Backend }
  | { status: 'failed'; message: string };

/** Starts the backend once; `retry` starts it again after a failure. */
export function useBackend(): { state: BackendState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<BackendState>({ status: 'starting', since: Date.now() });

  useEffect(() => {
    let cancelled = false;
    let started: Backend | null = null;
    setState({ status: 'starting', since: Date.now() });
    createBackend({
      onWaitingForOtherTab: () => !cancelled && setState({ status: 'starting', since: Date.now(), waitingForOtherTab: true }),
    }).then(
      (backend) => {
        started = backend;
        if (cancelled) void backend.close();
        else setState({ status: 'ready', backend });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
      void started?.close();
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
