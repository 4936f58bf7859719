import { z } from 'zod';
import { healthDimensions } from './types';

/**
 * What a resident has typed for a new place. Kept in localStorage on every
 * keystroke so that nothing typed is lost: not by a failed save, not by a
 * reload, not by a tablet that went to sleep during a workshop.
 */
const placeDraftSchema = z.object({
  lon: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  name: z.string().max(1000),
  category: z.string().max(100),
  dimensions: z.array(z.enum(healthDimensions)),
  story: z.string().max(10000),
  authorName: z.string().max(500),
});

export type PlaceDraft = z.infer<typeof placeDraftSchema>;

export const emptyPlaceDraft: PlaceDraft = {
  lon: null,
  lat: null,
  name: '',
  category: '',
  dimensions: [],
  story: '',
  authorName: '',
};

export function hasTypedContent(draft: PlaceDraft): boolean {
  return draft.name.trim() !== '' || draft.story.trim() !== '' || draft.category !== '' || draft.dimensions.length > 0;
}

/** Parses a stored draft; anything unreadable or from an older shape yields null. */
export function parsePlaceDraft(text: string | null): PlaceDraft | null {
  if (!text) return null;
  try {
    const result = placeDraftSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const storageKey = 'wijkkracht.placeDraft';

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function loadPlaceDraft(storage: DraftStorage): PlaceDraft | null {
  return parsePlaceDraft(storage.getItem(storageKey));
}

export function savePlaceDraft(storage: DraftStorage, draft: PlaceDraft): void {
  storage.setItem(storageKey, JSON.stringify(draft));
}

export function clearPlaceDraft(storage: DraftStorage): void {
  storage.removeItem(storageKey);
}

export function toggleDimension<T>(selected: readonly T[], dimension: T): T[] {
  return selected.includes(dimension) ? selected.filter((item) => item !== dimension) : [...selected, dimension];
}
