import { useEffect, useRef, useState } from 'react';

/**
 * Runs `load(query)` whenever the query's key changes, but never more than one
 * at a time: while one runs, only the newest query waits, older ones are
 * dropped. So a slider dragged across 40 steps costs a few database calls,
 * not 40 queued ones, and the last answer always matches the last position.
 */
export function useLatestResult<Query, Result>(query: Query, key: string, load: (query: Query) => Promise<Result>) {
  const [result, setResult] = useState<{ key: string; value: Result } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const waiting = useRef<{ query: Query; key: string } | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    waiting.current = { query, key };
    if (running.current) return;
    const drain = async () => {
      running.current = true;
      while (waiting.current) {
        const next = waiting.current;
        waiting.current = null;
        try {
          const value = await loadRef.current(next.query);
          if (!mounted.current) return;
          setResult({ key: next.key, value });
          setError(null);
        } catch (caught) {
          if (mounted.current) setError(caught);
        }
      }
      running.current = false;
    };
    void drain();
    // The key stands for the query.
  }, [key]);

  return { value: result?.value ?? null, upToDate: result?.key === key, error };
}
