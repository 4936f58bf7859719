import { useCallback, useMemo } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
import { curveOf, figuresAt } from '../../coverage/cellCoverage';
import type { CoverageTarget } from '../../domain/types';
import { useLatestResult } from './useLatestResult';

interface ComparisonQuery {
  werkgebiedIds: string[];
  target: CoverageTarget;
  distance: number;
  withoutStale: boolean;
  onFoot: boolean;
}

/**
 * Each chosen werkgebied's figures at the planner's target and distance, and
 * its curve. As in the planner itself, each werkgebied's cells are asked once
 * per question (public.coverage_cells) and every distance is answered from
 * them, so the slider asks the database nothing; one call in flight, the
 * newest question wins.
 */
export function useComparisonData(api: WijkkrachtApi, query: ComparisonQuery) {
  const { werkgebiedIds, target, distance, withoutStale, onFoot } = query;
  const loadCells = useCallback(
    (q: ComparisonQuery) =>
      Promise.all(
        q.werkgebiedIds.map(async (id) => ({
          id,
          target: q.target,
          cells: await api.coverageCells({ targets: [q.target], werkgebiedId: id, withoutStale: q.withoutStale, onFoot: q.onFoot }),
        })),
      ),
    [api],
  );
  const ids = werkgebiedIds.join(',');
  const cells = useLatestResult(query, `${ids}|${target}|${withoutStale}|${onFoot}`, loadCells);
  const figures = useMemo(
    () =>
      cells.value?.map(({ id, target: asked, cells: answer }) => ({
        id,
        figures: figuresAt(answer, answer.distances[asked] ?? [], asked, distance),
      })) ?? null,
    [cells.value, distance],
  );
  const curves = useMemo(
    () =>
      cells.value?.map(({ id, target: asked, cells: answer }) => ({ id, points: curveOf(answer, answer.distances[asked] ?? []) })) ?? null,
    [cells.value],
  );
  return {
    figures: { value: figures, upToDate: cells.upToDate, error: cells.error },
    curves: { value: curves, upToDate: cells.upToDate, error: cells.error },
  };
}
