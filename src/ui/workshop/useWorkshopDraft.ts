import { useCallback, useState } from 'react';
import { loadDraft, type DraftKind } from './workshopDrafts';

/** A workshop draft (workshopDrafts.ts) in React state, written to localStorage on every change. */
export function useWorkshopDraft<Draft extends { sessionId: string }>(kind: DraftKind<Draft>, sessionId: string) {
  const [initial] = useState(() => loadDraft(localStorage, kind, sessionId));
  const [draft, setDraft] = useState<Draft>(() => initial ?? kind.empty(sessionId));

  const update = useCallback(
    (change: Partial<Draft>) =>
      setDraft((current) => {
        const next = { ...current, ...change };
        localStorage.setItem(kind.storageKey, JSON.stringify(next));
        return next;
      }),
    [kind],
  );

  /** After it was delivered (or given up): empty, with a new idempotency key for the next one. */
  const reset = useCallback(() => {
    localStorage.removeItem(kind.storageKey);
    setDraft(kind.empty(sessionId));
  }, [kind, sessionId]);

  return { draft, update, reset, restoredFromEarlier: initial !== null };
}
