import { useCallback, useEffect, useRef, useState } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetWithStories } from '../backend/wireTypes';

/** One asset with its stories; `reload` asks again after a change (the newest answer wins). */
export function useAssetDetails(api: WijkkrachtApi, assetId: string) {
  const [details, setDetails] = useState<AssetWithStories | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    try {
      const result = await api.getAsset(assetId);
      if (mine !== request.current) return;
      setDetails(result);
      setLoadError(null);
    } catch (error) {
      if (mine === request.current) setLoadError(error);
    }
  }, [api, assetId]);

  useEffect(() => {
    setDetails(null);
    setLoadError(null);
    void reload();
    return () => {
      request.current++;
    };
  }, [reload]);

  return { details, setDetails, loadError, reload };
}
