import type { Snapshot, SnapshotComparison, SnapshotSteps, SnapshotTrendPoint } from '../backend/wireTypes';
import type { TargetGroup } from '../domain/types';

/**
 * Reading snapshots (supabase/schemas/16_snapshots.sql) at the planner's
 * distance. A snapshot keeps residents within each 50 m step from 0 to 2 km,
 * so any slider position is read from what was fetched, at the step at or
 * below it: a walk of 7 minutes at 4.5 km/h (525 m) reads the 500 m step.
 */

/** The step a distance is read at, and that step's distance in metres. */
export function snapshotStep(distance: number, stepMetres = 50, steps = 41): { index: number; distance: number } {
  const index = Math.min(steps - 1, Math.max(0, Math.floor(distance / stepMetres + 1e-9)));
  return { index, distance: index * stepMetres };
}

export interface SnapshotFigures {
  residents: number;
  covered: number;
  /** 0..1, or null when nobody of the group lived there. */
  share: number | null;
}

/** One group's figures of a snapshot (or a buurt of one) at a distance. */
export function figuresOfSteps(
  figures: SnapshotSteps & { residents: number; residents_65plus: number },
  distance: number,
  group: TargetGroup,
): SnapshotFigures {
  const { index } = snapshotStep(distance);
  const residents = group === 'all' ? figures.residents : figures.residents_65plus;
  const covered = (group === 'all' ? figures.covered : figures.covered_65plus)[index] ?? 0;
  return { residents, covered, share: residents > 0 ? covered / residents : null };
}

export interface TrendPoint extends SnapshotFigures {
  id: string;
  takenAt: Date;
  kind: Snapshot['kind'];
  note: string | null;
  places: number;
  stories: number;
  appreciations: number;
}

/** The trend: each snapshot's share at the distance, oldest first, with its counts. */
export function trendAt(points: SnapshotTrendPoint[], distance: number, group: TargetGroup): TrendPoint[] {
  return points
    .map((point) => ({
      id: point.id,
      takenAt: new Date(point.taken_at),
      kind: point.kind,
      note: point.note,
      places: point.counts.total.assets,
      stories: point.counts.total.stories,
      appreciations: point.counts.total.appreciations,
      ...figuresOfSteps(point, distance, group),
    }))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

export interface ComparisonRow {
  buurtCode: string;
  first: SnapshotFigures | null;
  second: SnapshotFigures | null;
  /** Change in the share, in percentage points (second − first); null when either is unknown. */
  change: number | null;
}

/** Two snapshots per buurt at the distance: the share then and later, and the change. */
export function comparisonAt(comparison: SnapshotComparison, distance: number, group: TargetGroup): ComparisonRow[] {
  return comparison.buurten.map(({ buurt_code, first, second }) => {
    const then = first ? figuresOfSteps(first, distance, group) : null;
    const later = second ? figuresOfSteps(second, distance, group) : null;
    const change = then?.share != null && later?.share != null ? shareChange(then.share, later.share) : null;
    return { buurtCode: buurt_code, first: then, second: later, change };
  });
}

/** Percentage points from one share to another, to one decimal; a drop that rounds away is 0, never -0. */
export function shareChange(first: number, second: number): number {
  return Math.round((second - first) * 1000) / 10 || 0;
}

/** The whole werkgebied's row of a comparison: its buurten summed. */
export function comparisonTotal(comparison: SnapshotComparison, side: 'first' | 'second', distance: number, group: TargetGroup) {
  const { index } = snapshotStep(distance);
  let residents = 0;
  let covered = 0;
  for (const buurt of comparison.buurten) {
    const figures = buurt[side];
    if (!figures) continue;
    residents += group === 'all' ? figures.residents : figures.residents_65plus;
    covered += (group === 'all' ? figures.covered : figures.covered_65plus)[index] ?? 0;
  }
  return { residents, covered, share: residents > 0 ? covered / residents : null };
}
