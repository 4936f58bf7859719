import { useCallback } from 'react';
import type { CoverageQuery, WijkkrachtApi } from '../../backend/api';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import type { GapCellCollection } from '../../backend/wireTypes';
import { useLatestResult } from '../planner/useLatestResult';
import { coverageTargetOf } from './gapSettings';

/**
 * "Gaten zien": the planner's SQL for the session's werkgebied and settings,
 * the figures (coverage) and the cells where people live too far away
 * (gap_cells). Through the planner's useLatestResult: a facilitator sliding the
 * distance costs a few calls, and the answer shown is the newest setting's.
 * Nothing is asked while `active` is false.
 */
export function useSessionGaps(api: WijkkrachtApi, session: WorkshopSession, active: boolean) {
  const query: CoverageQuery | null = active
    ? { target: coverageTargetOf(session.gap_asset_target), distance: session.gap_distance_m, werkgebiedId: session.werkgebied_id }
    : null;
  const onFoot = session.gap_on_foot;
  const key = query ? `${query.werkgebiedId}|${query.target}|${query.distance}|${onFoot}` : 'not asked';
  const load = useCallback(
    async (asked: CoverageQuery | null) => {
      if (!asked) return null;
      if (onFoot) return { ...(await onFootGaps(api, asked)), query: asked };
      const [figures, gapCells] = await Promise.all([api.coverage(asked), api.gapCells(asked)]);
      return { figures, gapCells, query: asked };
    },
    [api, onFoot],
  );
  return useLatestResult(query, key, load);
}

/**
 * On foot, as the planner asks it: every cell's walking distance once
 * (coverage_cells), the figures added up from them (cellCoverage, the sums
 * the SQL coverage functions make), and the cells beyond the distance, the
 * gaps gap_cells would give.
 */
async function onFootGaps(api: WijkkrachtApi, asked: CoverageQuery) {
  const [cells, { figuresAt }, { cellFeatures }] = await Promise.all([
    api.coverageCells({ targets: [asked.target], werkgebiedId: asked.werkgebiedId, onFoot: true }),
    import('../../coverage/cellCoverage'),
    import('../../coverage/gapLayerData'),
  ]);
  const distances = cells.distances[asked.target] ?? [];
  const all = cellFeatures(cells, distances);
  const gapCells: GapCellCollection = {
    ...all,
    features: all.features.filter((cell) => cell.properties.distance_m === null || cell.properties.distance_m > asked.distance),
  };
  return { figures: figuresAt(cells, distances, asked.target, asked.distance), gapCells };
}
