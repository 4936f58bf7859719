import { useCallback, useMemo, useState } from 'react';
import type { AssetCollection, Category } from '../backend/wireTypes';
import { filterFromSearch, filterToSearch, isFiltering, placeMatches, type PlaceFilter } from '../domain/placeFilter';

/**
 * The map's filter, kept in the page's address (its query string), so a reload
 * or a shared link shows the same selection. Written with replaceState: a change
 * of filter is no step for the back button, and the hash (the map's view, a
 * workshop) stays as it is.
 */
export function usePlaceFilter() {
  const [filter, setFilterState] = useState<PlaceFilter>(() => filterFromSearch(window.location.search));
  const setFilter = useCallback((next: PlaceFilter) => {
    setFilterState(next);
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${filterToSearch(next, search)}${hash}`);
  }, []);
  return { filter, setFilter };
}

/** The places that pass the filter; the same collection when nothing is chosen, so the map redraws nothing. */
export function useFilteredAssets(assets: AssetCollection, categories: Category[], filter: PlaceFilter): AssetCollection {
  return useMemo(() => {
    if (!isFiltering(filter)) return assets;
    const domains = new Map(categories.map((category) => [category.id, category.domain ?? null]));
    const domainOf = (category: string) => domains.get(category) ?? null;
    return { type: 'FeatureCollection', features: assets.features.filter((feature) => placeMatches(feature.properties, filter, domainOf)) };
  }, [assets, categories, filter]);
}
