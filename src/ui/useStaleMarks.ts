import { useMemo } from 'react';
import type { AssetCollection, Werkgebied } from '../backend/wireTypes';
import { defaultStaleAfterMonths, markStale } from '../domain/freshness';

/**
 * The places with `stale` set where they were not confirmed for their
 * werkgebied's months (12 outside one), for the map to fade them. Worked out
 * when the places or werkgebieden change, against the time of that moment.
 */
export function useStaleMarks(assets: AssetCollection, werkgebieden: Werkgebied[]): AssetCollection {
  return useMemo(() => {
    const months = new Map(werkgebieden.map((werkgebied) => [werkgebied.id, werkgebied.stale_after_months]));
    const monthsOf = (werkgebiedId: string | null) => months.get(werkgebiedId ?? '') ?? defaultStaleAfterMonths;
    const features = markStale(assets.features, monthsOf, new Date());
    return features === assets.features ? assets : { ...assets, features };
  }, [assets, werkgebieden]);
}
