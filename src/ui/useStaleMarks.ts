import { useMemo } from 'react';
import type { AssetCollection } from '../backend/wireTypes';
import { markStale } from '../domain/freshness';

/**
 * The places with `stale` set where they were not confirmed for their
 * werkgebied's months (`monthsOf`), for the map to fade them. Worked out when
 * the places or the months change, against the time of that moment.
 */
export function useStaleMarks(assets: AssetCollection, monthsOf: (werkgebiedId: string | null) => number): AssetCollection {
  return useMemo(() => {
    const features = markStale(assets.features, monthsOf, new Date());
    return features === assets.features ? assets : { ...assets, features };
  }, [assets, monthsOf]);
}
