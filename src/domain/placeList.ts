import { boxAround } from './placeSearch';
import type { BoundingBox } from './types';

/**
 * The list view's places: those in view on the map, or those of one
 * werkgebied, in the order the user chose. The map's filter has already been
 * applied (usePlaceFilter), so list and map show the same places.
 */
export const placeSorts = ['name', 'kind', 'distance', 'confirmed'] as const;
export type PlaceSort = (typeof placeSorts)[number];

/**
 * Which places the list shows: those in the map's view, or those of a werkgebied among the places
 * the map holds (the map looks at the werkgebied when it is chosen, so its places are loaded).
 */
export type PlaceListScope = { kind: 'view' } | { kind: 'werkgebied'; id: string };

/** How many rows the list shows at first, and adds with each "Toon meer": a phone stays quick with 5 000 places. */
export const listPageSize = 100;

/** What the list needs of a place (an AssetFeature has it). */
interface Listed {
  geometry: { type: string; coordinates: unknown };
  properties: { name: string; category: string; werkgebied_id: string | null; confirmed_at: string };
}

function overlaps(feature: Listed, view: BoundingBox): boolean {
  const box = boxAround(feature.geometry.coordinates);
  return box !== null && box[0] <= view.east && box[2] >= view.west && box[1] <= view.north && box[3] >= view.south;
}

export function placesInScope<T extends Listed>(features: readonly T[], scope: PlaceListScope, view: BoundingBox | null): T[] {
  if (scope.kind === 'werkgebied') return features.filter((feature) => feature.properties.werkgebied_id === scope.id);
  return view ? features.filter((feature) => overlaps(feature, view)) : [];
}

/** Metres between two points, near enough for ordering places in one town (equirectangular). */
function metresApart([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const x = (lon2 - lon1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot(x, lat2 - lat1) * 111_320;
}

/** The middle of a place's box: its point, or about the middle of a route or area. */
function middleOf(feature: Listed): [number, number] {
  const box = boxAround(feature.geometry.coordinates) ?? [0, 0, 0, 0];
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

export interface SortContext {
  /** The kind's label in the user's language. */
  kindLabel(category: string): string;
  /** The map's centre, for 'distance'. */
  centre: [number, number] | null;
}

const byName = (a: Listed, b: Listed) => a.properties.name.localeCompare(b.properties.name, 'nl', { sensitivity: 'base' });

/** A sorted copy; ties by name, so the order is the same on every device. */
export function sortPlaces<T extends Listed>(features: readonly T[], sort: PlaceSort, context: SortContext): T[] {
  const { centre } = context;
  const key: (feature: Listed) => string | number = {
    name: () => 0,
    kind: (feature: Listed) => context.kindLabel(feature.properties.category),
    distance: (feature: Listed) => (centre ? metresApart(centre, middleOf(feature)) : 0),
    // Longest unconfirmed first: what most needs a look.
    confirmed: (feature: Listed) => Date.parse(feature.properties.confirmed_at) || 0,
  }[sort];
  const keyed = features.map((feature) => ({ feature, key: key(feature) }));
  keyed.sort((a, b) => {
    const first =
      typeof a.key === 'string' && typeof b.key === 'string' ? a.key.localeCompare(b.key, 'nl') : (a.key as number) - (b.key as number);
    return first || byName(a.feature, b.feature);
  });
  return keyed.map((item) => item.feature);
}

export function isPlaceSort(value: string): value is PlaceSort {
  return (placeSorts as readonly string[]).includes(value);
}
