import type { Geometry, Position } from 'geojson';

/**
 * Finding a place by name without internet: over the areas the app holds
 * (buurten, wijken, gemeenten) and the places on the map. Case and accents do
 * not matter ("Lisse" finds "lisse", "Hooglandse" finds "Hooglândse"); a name
 * that starts with what was typed comes first, then a word in it that does,
 * then any other match; shorter names first within each.
 */
export interface SearchEntry {
  id: string;
  name: string;
  kind: 'area' | 'place';
  /** What the entry is: an area's level ('buurt', 'wijk') or a place's category. */
  what: string;
  /** [west, south, east, north] to show. */
  bbox: [number, number, number, number];
  /** Its shape: a new place chosen "at" it goes to a point on it (worked out only then, pointOnShape). */
  geometry: Geometry;
  /** An area's level ('buurt', 'wijk'...); absent for a place. */
  level?: string;
}

/** Typed text longer than this is not a name anybody looks for. */
export const maxQueryLength = 100;

function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

function rank(name: string, query: string): number | null {
  if (name.startsWith(query)) return 0;
  if (name.split(/[\s\-/(),.']+/).some((word) => word.startsWith(query))) return 1;
  if (name.includes(query)) return 2;
  return null;
}

export function searchEntries(query: string, entries: readonly SearchEntry[], limit = 8): SearchEntry[] {
  const wanted = normalised(query.slice(0, maxQueryLength));
  if (wanted.length < 2) return [];
  return entries
    .map((entry) => ({ entry, rank: rank(normalised(entry.name), wanted) }))
    .filter((item): item is { entry: SearchEntry; rank: number } => item.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name, 'nl'))
    .slice(0, limit)
    .map((item) => item.entry);
}

/** The box around every coordinate of a GeoJSON geometry's coordinates (null for none). */
export function boxAround(coordinates: unknown): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [lon, lat] = value as Position as [number, number];
      box = box ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)] : [lon, lat, lon, lat];
      return;
    }
    value.forEach(visit);
  };
  visit(coordinates);
  return box;
}

/** A street-sized box around a point, to show where someone is or a single place. */
export function boxAroundPoint(lon: number, lat: number): [number, number, number, number] {
  return [lon - 0.002, lat - 0.0012, lon + 0.002, lat + 0.0012];
}
