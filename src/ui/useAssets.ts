import { useCallback, useRef, useState } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { BoundingBox } from '../domain/types';
import type { AssetCollection, AssetFeature } from '../backend/wireTypes';

const empty: AssetCollection = { type: 'FeatureCollection', features: [] };

/** The assets in view: loaded per bounding box, with saved ones shown at once. */
export function useAssets(api: WijkkrachtApi) {
  const [assets, setAssets] = useState<AssetCollection>(empty);
  const [loadError, setLoadError] = useState<unknown>(null);
  const lastBbox = useRef<BoundingBox | null>(null);
  const request = useRef(0);

  const load = useCallback(
    async (bbox: BoundingBox) => {
      lastBbox.current = bbox;
      const mine = ++request.current;
      try {
        const collection = await api.assetsInBbox(bbox);
        if (mine === request.current) {
          setAssets(collection);
          setLoadError(null);
        }
      } catch (error) {
        if (mine === request.current) setLoadError(error);
      }
    },
    [api],
  );

  /** Shows a saved feature immediately, then refreshes from the database. */
  const upsert = useCallback(
    (feature: AssetFeature) => {
      setAssets((current) => ({
        type: 'FeatureCollection',
        features: [...current.features.filter((item) => item.id !== feature.id), feature],
      }));
      if (lastBbox.current) void load(lastBbox.current);
    },
    [load],
  );

  /** After an import: load the view again. */
  const reload = useCallback(() => {
    if (lastBbox.current) void load(lastBbox.current);
  }, [load]);

  return { assets, loadError, load, upsert, reload };
}
