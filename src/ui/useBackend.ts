import { useCallback, useEffect, useState } from 'react';
import type { Backend } from '../backend/backend';
import { createBackend } from '../backend/createBackend';

export type BackendState =
  { status: 'starting'; since: number } | { status: 'ready'; backend: Backend } | { status: 'failed'; message: string };

type BackendOptions = Parameters<typeof createBackend>[0];

/** Starts the backend once, with the options of the first render; `retry` starts it again after a failure. */
export function useBackend(options: BackendOptions = {}): { state: BackendState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [startOptions] = useState(options);
  const [state, setState] = useState<BackendState>({ status: 'starting', since: Date.now() });

  useEffect(() => {
    let cancelled = false;
    let started: Backend | null = null;
    setState({ status: 'starting', since: Date.now() });
    createBackend(startOptions).then(
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
  }, [attempt, startOptions]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
