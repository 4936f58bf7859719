import { useCallback, useMemo } from 'react';
import type { WijkkrachtApi } from '../../backend/api';
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
}

const dimensionTargets = healthDimensions.map((dimension) => `dimension:${dimension}` as const);

/**
 * Everything the planner shows. The database is asked once per question
 * (target, werkgebied, places possibly gone; and again for "what if"
 * candidates): public.coverage_cells gives every cell with its distance to the
 * target and to each Positive Health dimension. Every distance is then answered
 * here, without asking again: the figures (and without the candidates, for
 * "+N"), per buurt, the curve, the radar and the gap layer, which the map
 * filters by distance instead of loading anew.
 */
export function usePlannerData(api: WijkkrachtApi, query: PlannerQuery) {
  const { target, distance, candidates, werkgebiedId, withoutStale } = query;
  const candidatesKey = JSON.stringify(candidates);
  const area = `${werkgebiedId ?? 'all'}|${withoutStale ? 'fresh' : 'every'}`;

  const loadCells = useCallback(
    (q: PlannerQuery) =>
      api.coverageCells({ targets: [q.target, ...dimensionTargets], werkgebiedId: q.werkgebiedId, withoutStale: q.withoutStale }),
    [api],
  );
  // Trial places count for the chosen target only; its answer carries the distances without them too.
  const loadWhatIf = useCallback(
    async (q: PlannerQuery) =>
      q.candidates.length === 0
        ? null
        : {
            // The question travels with its answer, so the panel never words one answer with another question.
            candidateCount: q.candidates.length,
            cells: await api.coverageCells({
              targets: [q.target],
              candidates: q.candidates,
              werkgebiedId: q.werkgebiedId,
              withoutStale: q.withoutStale,
            }),
          },
    [api],
  );
  const cells = useLatestResult(query, `${area}|${target}`, loadCells);
  const whatIf = useLatestResult(query, `${area}|${target}|${candidatesKey}`, loadWhatIf);

  // What the chosen question's answer holds: with candidates, the what-if answer (both distances); else the plain one.
  const answer = useMemo(() => {
    // Until the trial places' answer is in, the plain one (shown as not yet up to date).
    const trial = candidates.length > 0 ? whatIf.value : null;
    const source = trial?.cells ?? cells.value;
    if (!source) return null;
    const withoutCandidates = source.distances[target] ?? source.distances[source.targets[0]!]!;
    const distances = source.with_candidates ?? withoutCandidates;
    return {
      source,
      distances,
      withoutCandidates,
      candidateCount: trial?.candidateCount ?? 0,
      gapCells: cellFeatures(source, distances),
      summaries: new GapSummaries(source, distances),
    };
  }, [cells.value, whatIf.value, target, candidates.length]);

  const figures = useMemo(() => {
    if (!answer) return null;
    const { source, distances, withoutCandidates, candidateCount } = answer;
    return {
      figures: figuresAt(source, distances, target, distance),
      baseline: figuresAt(source, withoutCandidates, target, distance),
      byBuurt: byBuurtAt(source, distances, distance),
      candidateCount,
    };
  }, [answer, target, distance]);
  const curve = useMemo(() => (answer ? curveOf(answer.source, answer.distances) : null), [answer]);
  const radar = useMemo(
    () =>
      cells.value
        ? healthDimensions.map((dimension, index) => ({
            dimension,
            // What exists, without trial places: a trial place has no dimensions of its own.
            figures: figuresAt(cells.value!, cells.value!.distances[dimensionTargets[index]!] ?? [], dimensionTargets[index]!, distance),
          }))
        : null,
    [cells.value, distance],
  );
  const summaries = useMemo(
    () => (answer ? { 500: answer.summaries.at(distance, 500), 1000: answer.summaries.at(distance, 1000) } : null),
    [answer, distance],
  );

  const gapLayer = useMemo(
    () => (answer && summaries ? { cells: answer.gapCells, summaries, distance } : null),
    [answer, summaries, distance],
  );

  const upToDate = cells.upToDate && (candidates.length === 0 || whatIf.upToDate);
  return {
    figures: { value: figures, upToDate, error: cells.error ?? whatIf.error },
    curve: { value: curve },
    radar: { value: radar },
    gapLayer,
  };
}
