import type { FeatureCollection } from 'geojson';
import { useCallback } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { TargetGroup } from '../domain/types';
import { useLatestResult } from './planner/useLatestResult';

export interface PopulationLayer {
  cells: FeatureCollection;
  /** How many cells, and how many of them estimated (spread from area counts), for the legend. */
  count: number;
  estimated: number;
}

/**
 * The population per 100 m cell for the map, asked when the layer is turned on
 * (public.coverage_cells: every cell with its people; its distances are not
 * used here). The drawing code loads with it, not with the map's first screen.
 */
export function usePopulationLayer(api: WijkkrachtApi, group: TargetGroup | null, dataVersion: number) {
  const load = useCallback(
    async (on: boolean): Promise<PopulationLayer | null> => {
      if (!on) return null;
      const [answer, { cellFeatures }] = await Promise.all([api.coverageCells({ targets: ['any'] }), import('../coverage/gapLayerData')]);
      return {
        cells: cellFeatures(answer, answer.distances.any ?? []) as FeatureCollection,
        count: answer.cell_ids.length,
        estimated: answer.estimated.filter(Boolean).length,
      };
    },
    [api],
  );
  // Asked again after each import (dataVersion), so new cells show without turning the layer off and on.
  const layer = useLatestResult(group !== null, group !== null ? `on|${dataVersion}` : 'off', load);
  return { layer: group !== null ? layer.value : null, error: layer.error };
}
