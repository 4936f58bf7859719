import type { Category } from '../../backend/wireTypes';
import { circleCategory } from '../../domain/circles';

/** What a drawn route is ("Teken een route"); a participant can tell it apart from a place by its kind. */
export const routeCategory = 'wandelroute';

/**
 * Not in the palette of places: a circle needs a key person's role (the
 * database refuses it from others), and a walking route is drawn as a line.
 */
const notPlacesForEveryone = new Set([circleCategory, routeCategory]);

export function paletteCategories(categories: Category[]): Category[] {
  return categories.filter((category) => !notPlacesForEveryone.has(category.id));
}

/** What a tap on the map does while a contribution is being made: pick its spot (a place), or nothing (a route is drawn). */
export function tapPicksSpot(draft: { category: string }): boolean {
  return draft.category !== '' && draft.category !== routeCategory;
}

/** A route has been started and not yet finished: the map takes its points. */
export function isDrawingRoute(draft: { category: string; route: unknown }): boolean {
  return draft.category === routeCategory && draft.route === null;
}
