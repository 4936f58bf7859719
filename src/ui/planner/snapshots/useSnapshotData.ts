import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WijkkrachtApi } from '../../../backend/api';
import type { CoverageTarget } from '../../../domain/types';
import { useApiResource } from '../../useApiResource';

interface SnapshotQuery {
  werkgebiedId: string | null;
  target: CoverageTarget;
  onFoot: boolean;
}

/**
 * A werkgebied's snapshots for the planner's target and way of measuring:
 * first this month's snapshot is made if it is missing (public.keep_monthly_snapshot),
 * then the trend is read once per question; every distance is read from it,
 * so the slider asks the database nothing. `reload` after taking or deleting one.
 */
export function useSnapshotData(api: WijkkrachtApi, { werkgebiedId, target, onFoot }: SnapshotQuery) {
  const [keptFor, setKeptFor] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!werkgebiedId) return;
    let current = true;
    // A refusal (no role here) shows when the trend is read; nothing to say twice.
    void api
      .keepMonthlySnapshot(werkgebiedId)
      .catch(() => null)
      .then(() => {
        if (current) setKeptFor(werkgebiedId);
      });
    return () => {
      current = false;
    };
  }, [api, werkgebiedId]);

  const load = useMemo(
    () =>
      werkgebiedId && keptFor === werkgebiedId
        ? () =>
            api.snapshotTrend({ werkgebiedId, target, onFoot }).then((points) => ({ key: `${werkgebiedId}|${target}|${onFoot}`, points }))
        : null,
    // `version` asks again after a snapshot is taken or deleted.
    [api, werkgebiedId, keptFor, target, onFoot, version],
  );
  const trend = useApiResource(load);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  // An answer to an earlier question (another target, straight instead of on foot) is never shown under the new one.
  const points = trend.value?.key === `${werkgebiedId}|${target}|${onFoot}` ? trend.value.points : null;
  return { points, error: trend.error, loading: points === null && trend.error === null && werkgebiedId !== null, reload };
}
