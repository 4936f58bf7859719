import { useCallback } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
import { healthDimensions, type CandidatePoint, type CoverageTarget } from '../../domain/types';
import { useLatestResult } from './useLatestResult';

export interface PlannerQuery {
  target: CoverageTarget;
  distance: number;
  candidates: CandidatePoint[];
  /** Every figure, gap cell and curve is of this werkgebied only; null: of all cells. */
  werkgebiedId: string | null;
  /** Without the places possibly gone (not confirmed for their werkgebied's months). */
  withoutStale: boolean;
}

/**
 * Everything the planner shows, each from its SQL function: the figures (and,
 * with candidates, the figures without them, for "+N"), per buurt, the gap
 * cells, the curve (independent of the distance) and one figure per Positive
 * Health dimension for the radar (without trial places).
 */
export function usePlannerData(api: WijkkrachtApi, query: PlannerQuery) {
  const { target, distance, candidates, werkgebiedId, withoutStale } = query;
  const candidatesKey = JSON.stringify(candidates);

  const loadFigures = useCallback(
    async (q: PlannerQuery) => {
      const [figures, baseline, byBuurt, gapCells] = await Promise.all([
        api.coverage(q),
        q.candidates.length > 0 ? api.coverage({ ...q, candidates: [] }) : null,
        api.coverageByBuurt(q),
        api.gapCells(q),
      ]);
      // The question travels with its answer, so the panel never words one answer with another question.
      return { figures, baseline: baseline ?? figures, byBuurt, gapCells, candidateCount: q.candidates.length };
    },
    [api],
  );
  const loadCurve = useCallback(
    (q: PlannerQuery) =>
      api.coverageCurve({
        target: q.target,
        step: 50,
        candidates: q.candidates,
        werkgebiedId: q.werkgebiedId,
        withoutStale: q.withoutStale,
      }),
    [api],
  );
  const loadRadar = useCallback(
    (q: PlannerQuery) =>
      Promise.all(
        healthDimensions.map(async (dimension) => ({
          dimension,
          // What exists, without trial places: a trial place has no dimensions of its own.
          figures: await api.coverage({
            target: `dimension:${dimension}`,
            distance: q.distance,
            werkgebiedId: q.werkgebiedId,
            withoutStale: q.withoutStale,
          }),
        })),
      ),
    [api],
  );

  const area = `${werkgebiedId ?? 'all'}|${withoutStale ? 'fresh' : 'every'}`;
  const figures = useLatestResult(query, `${area}|${target}|${distance}|${candidatesKey}`, loadFigures);
  const curve = useLatestResult(query, `${area}|${target}|${candidatesKey}`, loadCurve);
  const radar = useLatestResult(query, `${area}|${distance}`, loadRadar);
  return { figures, curve, radar };
}
