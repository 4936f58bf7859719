import { useCallback } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
import type { CoverageTarget } from '../../domain/types';
import { useLatestResult } from './useLatestResult';

interface ComparisonQuery {
  werkgebiedIds: string[];
  target: CoverageTarget;
  distance: number;
  withoutStale: boolean;
}

/**
 * Each chosen werkgebied's figures at the planner's target and distance, and
 * its curve (which the distance does not change). One call in flight per part,
 * the newest question wins, as in the planner itself.
 */
export function useComparisonData(api: WijkkrachtApi, query: ComparisonQuery) {
  const { werkgebiedIds, target, distance, withoutStale } = query;
  const loadFigures = useCallback(
    (q: ComparisonQuery) =>
      Promise.all(
        q.werkgebiedIds.map(async (id) => ({
          id,
          figures: await api.coverage({ target: q.target, distance: q.distance, werkgebiedId: id, withoutStale: q.withoutStale }),
        })),
      ),
    [api],
  );
  const loadCurves = useCallback(
    (q: ComparisonQuery) =>
      Promise.all(
        q.werkgebiedIds.map(async (id) => ({
          id,
          points: await api.coverageCurve({ target: q.target, step: 50, werkgebiedId: id, withoutStale: q.withoutStale }),
        })),
      ),
    [api],
  );
  const ids = werkgebiedIds.join(',');
  const figures = useLatestResult(query, `${ids}|${target}|${distance}|${withoutStale}`, loadFigures);
  const curves = useLatestResult(query, `${ids}|${target}|${withoutStale}`, loadCurves);
  return { figures, curves };
}
