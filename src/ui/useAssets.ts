import { useCallback, useRef, useState } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import { areaToLoad, containsBox, needsLoading, onGlobe, sameBox, type LoadedArea } from '../domain/loadedArea';
import type { BoundingBox } from '../domain/types';
import type { AssetCollection, AssetFeature } from '../backend/wireTypes';

const empty: AssetCollection = { type: 'FeatureCollection', features: [] };

/** How many places the map holds at most; the map says so when an area has more. */
export const placesOnMapLimit = 5000;

/** Fewer places on the map than lie in the area loaded: the map says so. */
export interface PartlyShown {
  shown: number;
  total: number;
}

/**
 * The assets around the view: loaded for the view with a margin where places
 * are sparse, for just the view where they are dense (loadedArea.ts), and asked
 * again only when the view leaves what is held, or when the area held more
 * places than the map takes. Saved ones are shown at once.
 */
export function useAssets(api: WijkkrachtApi) {
  const [assets, setAssets] = useState<AssetCollection>(empty);
  const [partlyShown, setPartlyShown] = useState<PartlyShown | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const lastView = useRef<BoundingBox | null>(null);
  const loaded = useRef<LoadedArea | null>(null);
  const request = useRef(0);

  const fetchAround = useCallback(
    async (view: BoundingBox, area: BoundingBox = areaToLoad(view, loaded.current, placesOnMapLimit)): Promise<void> => {
      const mine = ++request.current;
      try {
        const { features, total } = await api.assetsInBbox(area, { limit: placesOnMapLimit });
        if (mine !== request.current) return;
        const complete = features.length >= total;
        loaded.current = { area, total, complete };
        setAssets({ type: 'FeatureCollection', features });
        setPartlyShown(complete ? null : { shown: features.length, total });
        setLoadError(null);
        const now = lastView.current ?? view;
        // The view moved on while this was asked (a view inside the area held before asks nothing): catch up.
        if (!containsBox(area, now)) await fetchAround(now);
        // More places around the view than the map takes: spend the limit on the view itself, and say so of it.
        else if (!complete && !sameBox(area, onGlobe(now))) await fetchAround(now, onGlobe(now));
      } catch (error) {
        if (mine !== request.current) return;
        // Nothing counts as held: the next move asks again.
        loaded.current = null;
        setLoadError(error);
      }
    },
    [api],
  );

  /** The view changed: loads only what the map does not hold yet. */
  const load = useCallback(
    async (view: BoundingBox) => {
      lastView.current = view;
      if (needsLoading(view, loaded.current)) await fetchAround(view);
    },
    [fetchAround],
  );

  /** After a change elsewhere (an import, a moderation): loads the view again. */
  const reload = useCallback(() => {
    if (lastView.current) void fetchAround(lastView.current);
  }, [fetchAround]);

  /** Shows a saved feature immediately, then refreshes from the database. */
  const upsert = useCallback(
    (feature: AssetFeature) => {
      setAssets((current) => ({
        type: 'FeatureCollection',
        features: [...current.features.filter((item) => item.id !== feature.id), feature],
      }));
      reload();
    },
    [reload],
  );

  return { assets, partlyShown, loadError, load, upsert, reload };
}
