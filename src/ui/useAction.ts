import { useState } from 'react';
import type { ErrorContext } from '../domain/errorMessageKey';
import { useErrorText } from './useErrorText';

/**
 * One thing a button does through the API: busy while it runs, and a refusal
 * as a plain sentence. `run` answers whether it succeeded; `onFailure` sees the
 * error itself (e.g. to load a place again after a stale version).
 */
export function useAction(context?: ErrorContext) {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<void>, onFailure?: (failure: unknown) => void): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(errorText(failure, context));
      onFailure?.(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
