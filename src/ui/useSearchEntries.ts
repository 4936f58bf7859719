import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaCollection, AssetCollection, Category } from '../backend/wireTypes';
import { boxAround, boxAroundPoint, type SearchEntry } from '../domain/placeSearch';
import { categoryLabel } from './categoryLabel';

/** What "Zoek" searches: the areas the app holds and the places on the map, each with what it is and where. */
export function useSearchEntries(areas: AreaCollection, assets: AssetCollection, categories: Category[]): SearchEntry[] {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const entries: SearchEntry[] = [];
    for (const area of areas.features) {
      const bbox = boxAround(area.geometry.coordinates);
      if (bbox)
        entries.push({
          id: area.id,
          name: area.properties.name,
          kind: 'area',
          what: t(`search.level.${area.properties.level}`),
          level: area.properties.level,
          bbox,
          geometry: area.geometry,
        });
    }
    for (const place of assets.features) {
      const box = boxAround(place.geometry.coordinates);
      if (!box) continue;
      // A place is shown street-sized around its middle; a route or area as a whole.
      const bbox = place.geometry.type === 'Point' ? boxAroundPoint(box[0], box[1]) : box;
      const category = categories.find((candidate) => candidate.id === place.properties.category);
      entries.push({
        id: place.id,
        name: place.properties.name,
        kind: 'place',
        what: categoryLabel(category, i18n.language),
        bbox,
        geometry: place.geometry,
      });
    }
    return entries;
  }, [areas, assets, categories, t, i18n.language]);
}
