import { useCallback, useState } from 'react';
import { parseShapeDraft, shapeDraftStorageKey, type ShapeDraft } from './shapeDraft';

/** The drawn route or area waiting for its form, kept in localStorage until it is saved or dropped. */
export function useShapeDraft() {
  const [shape, setShape] = useState(() => parseShapeDraft(localStorage.getItem(shapeDraftStorageKey)));

  const saveShape = useCallback((next: ShapeDraft) => {
    localStorage.setItem(shapeDraftStorageKey, JSON.stringify(next));
    setShape(next);
  }, []);

  const clearShape = useCallback(() => {
    localStorage.removeItem(shapeDraftStorageKey);
    setShape(null);
  }, []);

  return { shape, saveShape, clearShape };
}

export type ShapeDraftState = ReturnType<typeof useShapeDraft>;
