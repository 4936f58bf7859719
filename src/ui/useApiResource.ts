import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One thing read from the API, loaded when `load` changes (pass a memoised
 * function, or null for "not now") and again on `reload()`. Only the newest
 * call's answer is kept, so a slow earlier answer never overwrites a later one.
 */
export function useApiResource<T>(load: (() => Promise<T>) | null) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);

  const run = useCallback(async () => {
    const mine = ++request.current;
    if (!load) {
      setValue(null);
      setError(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const result = await load();
      if (mine !== request.current) return;
      setValue(result);
      setError(null);
    } catch (caught) {
      if (mine === request.current) setError(caught);
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void run();
    // A newer load (or unmounting) makes any answer still on its way stale.
    return () => {
      request.current++;
    };
  }, [run]);

  const reload = useCallback(() => void run(), [run]);
  return { value, error, loading, reload };
}
