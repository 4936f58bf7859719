import { useCallback, useState } from 'react';
import { clearPlaceDraft, emptyPlaceDraft, loadPlaceDraft, savePlaceDraft, type PlaceDraft } from '../domain/placeDraft';

/** The new-place form's content, written to localStorage on every change. */
export function usePlaceDraft() {
  const [initial] = useState(() => loadPlaceDraft(localStorage));
  const [draft, setDraftState] = useState<PlaceDraft>(initial ?? emptyPlaceDraft);

  const setDraft = useCallback((update: (current: PlaceDraft) => PlaceDraft) => {
    setDraftState((current) => {
      const next = update(current);
      savePlaceDraft(localStorage, next);
      return next;
    });
  }, []);

  const clearDraft = useCallback(() => {
    clearPlaceDraft(localStorage);
    setDraftState(emptyPlaceDraft);
  }, []);

  return { draft, setDraft, clearDraft, restoredFromEarlier: initial !== null };
}
