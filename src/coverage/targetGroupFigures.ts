import type { ShownCoverage, TargetGroupCoverage } from '../backend/wireTypes';
import { snapshotStep } from './snapshotFigures';

/**
 * Reading a private group's coverage (public.target_group_coverage) at the
 * slider: the 50 m step at or below the distance, as SQL allowed it to be
 * shown. Nothing here can undo SQL's rounding or suppression: it only picks.
 */
export interface GroupFiguresAt {
  shown: ShownCoverage;
  /** 0..100, whole, or null where `covered` is not shown. */
  percent: number | null;
}

export function groupCoverageAt(steps: ShownCoverage[], distance: number): GroupFiguresAt {
  const shown = steps[snapshotStep(distance).index] ?? { total: null, covered: null, few: 'total' };
  const percent = shown.covered !== null && shown.total ? Math.round((shown.covered / shown.total) * 100) : null;
  return { shown, percent };
}

/** The werkgebied's and each buurt's figures at a distance. */
export function targetGroupAt(coverage: TargetGroupCoverage, distance: number) {
  return {
    werkgebied: groupCoverageAt(coverage.werkgebied, distance),
    buurten: coverage.buurten.map((buurt) => ({ buurtCode: buurt.buurt_code, ...groupCoverageAt(buurt.steps, distance) })),
  };
}
