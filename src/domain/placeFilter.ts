import { careDomains, healthDimensions, type CareDomain, type HealthDimension } from './types';

/**
 * Which places the map shows: by kind, by Positive Health dimension and by
 * domain (nulde lijn, eerstelijn, sociaal domein). Within one of these a place
 * needs one of the chosen values, across them all three; nothing chosen in one
 * means all. Kept in the page's address (`?soort=…&dimensie=…&domein=…`), so a
 * link or a reload shows the same selection.
 */
export interface PlaceFilter {
  categories: string[];
  dimensions: HealthDimension[];
  domains: CareDomain[];
}

export const noFilter: PlaceFilter = { categories: [], dimensions: [], domains: [] };

/** What a place must tell the filter about itself. */
interface FilteredPlace {
  category: string;
  dimensions: readonly HealthDimension[];
}

export function isFiltering(filter: PlaceFilter): boolean {
  return filter.categories.length + filter.dimensions.length + filter.domains.length > 0;
}

/** `domainOf` gives a category's domain (null: none, such as a park). */
export function placeMatches(place: FilteredPlace, filter: PlaceFilter, domainOf: (category: string) => CareDomain | null): boolean {
  if (filter.categories.length > 0 && !filter.categories.includes(place.category)) return false;
  if (filter.dimensions.length > 0 && !place.dimensions.some((dimension) => filter.dimensions.includes(dimension))) return false;
  if (filter.domains.length > 0) {
    const domain = domainOf(place.category);
    if (domain === null || !filter.domains.includes(domain)) return false;
  }
  return true;
}

const parameters = { categories: 'soort', dimensions: 'dimensie', domains: 'domein' } as const;
// An address is typed and shared by people: cap what it may hold.
const maxValues = 50;
const categoryId = /^[a-z_]{1,50}$/;

function listFrom(search: URLSearchParams, name: string): string[] {
  const values = (search.get(name) ?? '').split(',').filter((value) => value !== '');
  return [...new Set(values)].slice(0, maxValues);
}

/** Reads the filter from a query string; unknown values are left out, not refused. */
export function filterFromSearch(search: string): PlaceFilter {
  const params = new URLSearchParams(search);
  return {
    categories: listFrom(params, parameters.categories).filter((value) => categoryId.test(value)),
    dimensions: listFrom(params, parameters.dimensions).filter((value): value is HealthDimension =>
      (healthDimensions as readonly string[]).includes(value),
    ),
    domains: listFrom(params, parameters.domains).filter((value): value is CareDomain =>
      (careDomains as readonly string[]).includes(value),
    ),
  };
}

/** The query string with the filter written into it; other parameters stay as they were. */
export function filterToSearch(filter: PlaceFilter, search: string): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(parameters) as (keyof PlaceFilter)[]) {
    const values = filter[key];
    if (values.length > 0) params.set(parameters[key], values.join(','));
    else params.delete(parameters[key]);
  }
  const written = params.toString().replaceAll('%2C', ',');
  return written === '' ? '' : `?${written}`;
}
