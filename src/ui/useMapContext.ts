import { useCallback, useEffect, useState } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { AreaCollection } from '../backend/wireTypes';

const noAreas: AreaCollection = { type: 'FeatureCollection', features: [] };
const world = { west: -180, south: -90, east: 180, north: 90 };
const firstRunDoneKey = 'wijkkracht.firstRunDone';

/**
 * What the map shows besides the assets: area outlines and whom to credit.
 * Also tells whether the database is still empty, for the first-run screen.
 */
export function useMapContext(api: WijkkrachtApi) {
  const [areas, setAreas] = useState<AreaCollection>(noAreas);
  const [attributions, setAttributions] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const [firstRunDone, setFirstRunDone] = useState(() => globalThis.localStorage?.getItem(firstRunDoneKey) === 'yes');

  const refresh = useCallback(async () => {
    const [loadedAreas, credits, anyAsset] = await Promise.all([
      api.listAreas(),
      api.listAttributions(),
      api.assetsInBbox(world, { limit: 1 }),
    ]);
    setAreas(loadedAreas);
    setAttributions(credits);
    setEmpty(loadedAreas.features.length === 0 && anyAsset.features.length === 0);
    return loadedAreas;
  }, [api]);

  useEffect(() => {
    // A failure here only costs context; the asset layer reports its own errors.
    refresh().catch(() => undefined);
  }, [refresh]);

  const finishFirstRun = useCallback(() => {
    globalThis.localStorage?.setItem(firstRunDoneKey, 'yes');
    setFirstRunDone(true);
  }, []);

  return { areas, attributions, showFirstRun: empty && !firstRunDone, finishFirstRun, refresh };
}
