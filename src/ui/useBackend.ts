import { useCallback, useEffect, useState } from 'react';
import type { Backend } from '../backend/backend';
import { startBackend, type StartingBackend } from '../backend/startBackend';

export type DatabaseStatus = { status: 'starting'; since: number } | { status: 'ready' } | { status: 'failed'; message: string };

type BackendOptions = Parameters<typeof startBackend>[0];
type StartWhen = Parameters<typeof startBackend>[1];

interface Start extends StartingBackend {
  attempt: number;
  since: number;
}

// One backend per page and attempt, outside React: a second render (or StrictMode's
// double mount in development) must not start a second database.
let current: Start | null = null;

function startAttempt(attempt: number, options: BackendOptions, startWhen?: () => StartWhen): Start {
  if (current?.attempt !== attempt) {
    void current?.backend.close();
    // Only the first start waits (for the map's first frame); a retry starts at once.
    current = { ...startBackend(options, attempt === 1 ? startWhen?.() : undefined), attempt, since: Date.now() };
  }
  return current;
}

/**
 * Starts the backend once, with the options of the first render, and hands out
 * its stand-in at once (startBackend.ts): screens mount while the database
 * starts. `retry` starts it again after a failure, with a new stand-in.
 */
export function useBackend(
  options: BackendOptions = {},
  startWhen?: () => StartWhen,
): { backend: Backend; database: DatabaseStatus; retry: () => void } {
  const [startOptions] = useState(options);
  const [attempt, setAttempt] = useState(1);
  const start = startAttempt(attempt, startOptions, startWhen);
  const [database, setDatabase] = useState<DatabaseStatus>({ status: 'starting', since: start.since });

  useEffect(() => {
    let mounted = true;
    setDatabase({ status: 'starting', since: start.since });
    start.ready.then(
      () => {
        if (mounted) setDatabase({ status: 'ready' });
      },
      (error: unknown) => {
        if (mounted) setDatabase({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      mounted = false;
    };
  }, [start]);

  // A marker on the page for the browser tests and the start-up benchmark: whether the database answers yet.
  useEffect(() => {
    document.documentElement.dataset.database = database.status;
  }, [database.status]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { backend: start.backend, database, retry };
}
