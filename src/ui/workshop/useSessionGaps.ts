import { useCallback } from 'react';
import type { CoverageQuery, WijkkrachtApi } from '../../backend/api';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
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
  const key = query ? `${query.werkgebiedId}|${query.target}|${query.distance}` : 'not asked';
  const load = useCallback(
    async (asked: CoverageQuery | null) => {
      if (!asked) return null;
      const [figures, gapCells] = await Promise.all([api.coverage(asked), api.gapCells(asked)]);
      return { figures, gapCells, query: asked };
    },
    [api],
  );
  return useLatestResult(query, key, load);
}
