import { describe, expect, it } from 'vitest';
import {
  clearPlaceDraft,
  emptyPlaceDraft,
  hasTypedContent,
  loadPlaceDraft,
  parsePlaceDraft,
  savePlaceDraft,
  toggleDimension,
  type DraftStorage,
} from './placeDraft';

function memoryStorage(): DraftStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

describe('the new-place draft', () => {
  const typed = {
    ...emptyPlaceDraft,
    lon: 4.5,
    lat: 52.17,
    name: 'Buurtkamer',
    story: 'Koffie op dinsdag',
    dimensions: ['meedoen' as const],
  };

  it('comes back exactly as typed after being stored', () => {
    const storage = memoryStorage();
    savePlaceDraft(storage, typed);
    expect(loadPlaceDraft(storage)).toEqual(typed);
    clearPlaceDraft(storage);
    expect(loadPlaceDraft(storage)).toBeNull();
  });

  it('ignores stored text that is not a draft, instead of crashing the form', () => {
    expect(parsePlaceDraft('{not json')).toBeNull();
    expect(parsePlaceDraft(JSON.stringify({ ...typed, lat: 500 }))).toBeNull();
    expect(parsePlaceDraft(JSON.stringify({ ...typed, dimensions: ['geluk'] }))).toBeNull();
    expect(parsePlaceDraft(null)).toBeNull();
  });

  it('knows whether anything was typed', () => {
    expect(hasTypedContent(emptyPlaceDraft)).toBe(false);
    expect(hasTypedContent({ ...emptyPlaceDraft, lon: 4.5, lat: 52 })).toBe(false);
    expect(hasTypedContent({ ...emptyPlaceDraft, story: 'x' })).toBe(true);
  });

  it('toggles a dimension on and off', () => {
    expect(toggleDimension(['meedoen'], 'zingeving')).toEqual(['meedoen', 'zingeving']);
    expect(toggleDimension(['meedoen', 'zingeving'], 'meedoen')).toEqual(['zingeving']);
  });
});
