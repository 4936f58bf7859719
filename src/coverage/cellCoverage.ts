import type { BuurtCoverage, CoverageCells, CoverageCurvePoint, CoverageFigures } from '../backend/wireTypes';

/**
 * The planner's figures at any distance, from the cells and distances
 * public.coverage_cells gave once per question. SQL keeps the distances (the
 * one source of truth); this only adds up, exactly as public.coverage,
 * coverage_by_buurt and coverage_curve do (tests/sql/cellCoverageParity checks
 * it against them on both engines), so a slider step asks the database nothing.
 */
export type CellDistances = ReadonlyArray<number | null>;

/** A distance is within reach when it is at most the chosen one; null is beyond 2 000 m. */
const within = (distance: number | null, limit: number) => distance !== null && distance <= limit;

/** As public.coverage: unknown (secret) counts are left out of both counts and counted as cells. */
export function figuresAt(cells: CoverageCells, distances: CellDistances, target: string, distance: number): CoverageFigures {
  const figures: CoverageFigures = {
    target,
    distance_m: distance,
    residents: 0,
    residents_covered: 0,
    residents_65plus: 0,
    residents_65plus_covered: 0,
    cells: cells.cell_ids.length,
    cells_unknown: 0,
    cells_unknown_65plus: 0,
    cells_estimated: 0,
  };
  for (let index = 0; index < cells.cell_ids.length; index++) {
    addCell(figures, cells, index, within(distances[index] ?? null, distance));
  }
  return figures;
}

/** As public.coverage_by_buurt: one row per buurt code (cells without one together), in code order. */
export function byBuurtAt(cells: CoverageCells, distances: CellDistances, distance: number): BuurtCoverage[] {
  const rows = new Map<string | null, BuurtCoverage>();
  for (let index = 0; index < cells.cell_ids.length; index++) {
    const code = cells.buurt_codes[index] ?? null;
    let row = rows.get(code);
    if (!row) {
      row = {
        buurt_code: code,
        residents: 0,
        residents_covered: 0,
        residents_65plus: 0,
        residents_65plus_covered: 0,
        cells_unknown: 0,
        cells_unknown_65plus: 0,
        cells_estimated: 0,
      };
      rows.set(code, row);
    }
    addCell(row, cells, index, within(distances[index] ?? null, distance));
  }
  // PostgreSQL sorts nulls last; the codes are plain ASCII, so code points order them as SQL does.
  return [...rows.values()].sort((a, b) =>
    a.buurt_code === b.buurt_code ? 0 : a.buurt_code === null ? 1 : b.buurt_code === null ? -1 : a.buurt_code < b.buurt_code ? -1 : 1,
  );
}

type Counts = Omit<BuurtCoverage, 'buurt_code'>;

function addCell(counts: Counts, cells: CoverageCells, index: number, covered: boolean): void {
  const residents = cells.residents[index] ?? null;
  const residents65plus = cells.residents_65plus[index] ?? null;
  if (residents === null) counts.cells_unknown++;
  else {
    counts.residents += residents;
    if (covered) counts.residents_covered += residents;
  }
  if (residents65plus === null) counts.cells_unknown_65plus++;
  else {
    counts.residents_65plus += residents65plus;
    if (covered) counts.residents_65plus_covered += residents65plus;
  }
  if (cells.estimated[index]) counts.cells_estimated++;
}

/**
 * As public.coverage_curve: the share of the known residents (and of the
 * known 65+, among cells whose total is known) within each step from 0 to 2 000 m.
 */
export function curveOf(cells: CoverageCells, distances: CellDistances, step = 50, maxDistance = 2000): CoverageCurvePoint[] {
  const steps = Math.floor(maxDistance / step) + 1;
  const reached = new Float64Array(steps);
  const reached65plus = new Float64Array(steps);
  let total = 0;
  let total65plus = 0;
  for (let index = 0; index < cells.cell_ids.length; index++) {
    const residents = cells.residents[index] ?? null;
    if (residents === null) continue;
    const residents65plus = cells.residents_65plus[index] ?? 0;
    total += residents;
    total65plus += residents65plus;
    const distance = distances[index] ?? null;
    if (distance === null) continue;
    const first = Math.ceil(distance / step);
    if (first < steps) {
      reached[first]! += residents;
      reached65plus[first]! += residents65plus;
    }
  }
  const points: CoverageCurvePoint[] = [];
  let covered = 0;
  let covered65plus = 0;
  for (let at = 0; at < steps; at++) {
    covered += reached[at]!;
    covered65plus += reached65plus[at]!;
    points.push({
      distance_m: at * step,
      share: total > 0 ? shareOf(covered, total) : null,
      share_65plus: total65plus > 0 ? shareOf(covered65plus, total65plus) : null,
    });
  }
  return points;
}

/**
 * covered / total to 4 decimals, half away from zero, as SQL's round(numeric, 4):
 * in whole numbers, because a float division can land just under a half
 * (57 / 800 = 0.07125 is 0.0713 in SQL and 0.0712 by Math.round of the float).
 */
export function shareOf(covered: number, total: number): number {
  const scaled = covered * 10_000;
  let tenThousandths = Math.floor(scaled / total);
  if (2 * (scaled - tenThousandths * total) >= total) tenThousandths++;
  return tenThousandths / 10_000;
}
