import { useCallback, useMemo } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
import type { CoverageCells } from '../../backend/wireTypes';
import { byBuurtAt, curveOf, figuresAt } from '../../coverage/cellCoverage';
import { cellFeatures, GapSummaries } from '../../coverage/gapLayerData';
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
  /** Walking distances along the footway network instead of straight lines. */
  onFoot: boolean;
}

const dimensionTargets = healthDimensions.map((dimension) => `dimension:${dimension}` as const);

/** An answer of coverage_cells with the question it answers, so figures are never worded with another question. */
interface CellsAnswer {
  target: CoverageTarget;
  candidateCount: number;
  cells: CoverageCells;
}

/**
 * Everything the planner shows. The database is asked once per question:
 * public.coverage_cells gives every cell with its distance to the target (and
 * again, with the distances with them, when "what if" candidates change), and
 * in a call of its own to each Positive Health dimension for the radar, which
 * the target does not change. Every distance is then answered here, without
 * asking again: the figures (and without the candidates, for "+N"), per buurt,
 * the curve, the radar and the gap layer, which the map filters by distance
 * instead of loading anew. While a new question is asked, the last answer stays
 * (marked as not up to date).
 */
export function usePlannerData(api: WijkkrachtApi, query: PlannerQuery) {
  const { target, distance, candidates, werkgebiedId, withoutStale, onFoot } = query;
  const candidatesKey = JSON.stringify(candidates);
  const area = `${werkgebiedId ?? 'all'}|${withoutStale ? 'fresh' : 'every'}|${onFoot ? 'walking' : 'straight'}`;
  const scope = (q: PlannerQuery) => ({ werkgebiedId: q.werkgebiedId, withoutStale: q.withoutStale, onFoot: q.onFoot });

  const loadCells = useCallback(
    async (q: PlannerQuery): Promise<CellsAnswer> => ({
      target: q.target,
      candidateCount: 0,
      cells: await api.coverageCells({ targets: [q.target], ...scope(q) }),
    }),
    [api],
  );
  // Trial places count for the chosen target only; its answer carries the distances without them too.
  const loadWhatIf = useCallback(
    async (q: PlannerQuery): Promise<CellsAnswer | null> =>
      q.candidates.length === 0
        ? null
        : {
            target: q.target,
            candidateCount: q.candidates.length,
            cells: await api.coverageCells({ targets: [q.target], candidates: q.candidates, ...scope(q) }),
          },
    [api],
  );
  const loadRadar = useCallback((q: PlannerQuery) => api.coverageCells({ targets: dimensionTargets, ...scope(q) }), [api]);
  const plain = useLatestResult(query, `${area}|${target}`, loadCells);
  const whatIf = useLatestResult(query, `${area}|${target}|${candidatesKey}`, loadWhatIf);
  const radarCells = useLatestResult(query, area, loadRadar);

  // With candidates, their answer once it is in (until then the plain one); without, the plain one.
  const chosen = (candidates.length > 0 ? whatIf.value : null) ?? plain.value;
  // Made once per answer: the map's cells and blocks for 100 000 cells are not remade at each step.
  const answer = useMemo(() => {
    if (!chosen) return null;
    const withoutCandidates = chosen.cells.distances[chosen.target] ?? [];
    const distances = chosen.cells.with_candidates ?? withoutCandidates;
    return {
      ...chosen,
      distances,
      withoutCandidates,
      gapCells: cellFeatures(chosen.cells, distances),
      summaries: new GapSummaries(chosen.cells, distances),
      walking: chosen.cells.on_foot ? walkingEstimates(chosen.cells, withoutCandidates) : null,
    };
  }, [chosen]);

  const figures = useMemo(() => {
    if (!answer) return null;
    const { cells, target: asked, distances, withoutCandidates, candidateCount } = answer;
    const shown = figuresAt(cells, distances, asked, distance);
    return {
      walking: answer.walking,
      // Of the estimated cells, those spread by population weights (dwellings, buildings) rather than by area.
      cellsByWeights: answer.cells.cells_by_weights,
      figures: shown,
      // Without trial places the two are one sum: add it up once.
      baseline: distances === withoutCandidates ? shown : figuresAt(cells, withoutCandidates, asked, distance),
      byBuurt: byBuurtAt(cells, distances, distance),
      candidateCount,
    };
  }, [answer, distance]);
  const curve = useMemo(() => (answer ? curveOf(answer.cells, answer.distances) : null), [answer]);
  const radar = useMemo(() => {
    const cells = radarCells.value;
    if (!cells) return null;
    // What exists, without trial places: a trial place has no dimensions of its own.
    return healthDimensions.map((dimension, index) => {
      const asked = dimensionTargets[index]!;
      return { dimension, figures: figuresAt(cells, cells.distances[asked] ?? [], asked, distance) };
    });
  }, [radarCells.value, distance]);
  const gapLayer = useMemo(
    () =>
      answer
        ? {
            cells: answer.gapCells,
            summaries: { 500: answer.summaries.at(distance, 500), 1000: answer.summaries.at(distance, 1000) },
            distance,
          }
        : null,
    [answer, distance],
  );

  const upToDate = plain.upToDate && (candidates.length === 0 || whatIf.upToDate);
  return {
    figures: { value: figures, upToDate, error: plain.error ?? whatIf.error },
    curve: { value: curve },
    radar: { value: radar, upToDate: radarCells.upToDate, error: radarCells.error },
    gapLayer,
  };
}

/**
 * On foot: of the cells with a place within reach, how many lie off the network
 * and count the straight line times the detour factor (all of them: no network here).
 */
function walkingEstimates(cells: CoverageCells, distances: Array<number | null>) {
  const estimated = cells.walk_estimated ?? [];
  let reached = 0;
  let estimatedCount = 0;
  estimated.forEach((isEstimated, index) => {
    if (isEstimated || distances[index] !== null) reached += 1;
    if (isEstimated) estimatedCount += 1;
  });
  return { cells: reached, estimated: estimatedCount };
}
