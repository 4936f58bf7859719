import type { TargetGroup } from '../domain/types';
import type { BuurtCoverage, CoverageFigures } from '../backend/wireTypes';

/**
 * Reading the SQL functions' figures for one target group. The numbers come
 * from SQL (public.coverage, coverage_by_buurt); this only picks the group's
 * columns and divides, so the UI, the charts and the CSV say the same thing.
 */
export interface GroupFigures {
  residents: number;
  covered: number;
  uncovered: number;
  /** 0..1, or null when nobody of the group is known to live there. */
  share: number | null;
}

export function groupFigures(figures: CoverageFigures | BuurtCoverage, group: TargetGroup): GroupFigures {
  const residents = group === 'all' ? figures.residents : figures.residents_65plus;
  const covered = group === 'all' ? figures.residents_covered : figures.residents_65plus_covered;
  return { residents, covered, uncovered: residents - covered, share: residents > 0 ? covered / residents : null };
}

/** "What if": how many more people a candidate brings within reach. */
export function coverageGain(before: CoverageFigures, after: CoverageFigures): { residents: number; residents65plus: number } {
  return {
    residents: after.residents_covered - before.residents_covered,
    residents65plus: after.residents_65plus_covered - before.residents_65plus_covered,
  };
}
