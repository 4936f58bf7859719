import { useEffect, useState } from 'react';
import type { DatabaseStatus } from './useBackend';

/** How many seconds the database has been starting, counted up once a second (0 once it is not). */
export function useStartingSeconds(database: DatabaseStatus): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (database.status !== 'starting') return;
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - database.since) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [database]);
  return seconds;
}
