import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotComparison, SnapshotTrendPoint } from '../backend/wireTypes';
import { comparisonAt, comparisonTotal, figuresOfSteps, snapshotStep, trendAt } from './snapshotFigures';

// Residents within 0, 50, …, 2000 m: 10 more at every step, 65+ 2 more.
const steps = (per: number) => Array.from({ length: 41 }, (_, index) => index * per);
const snapshot = (id: string, takenAt: string, places: number): Snapshot => ({
  id,
  werkgebied_id: 'w',
  taken_at: takenAt,
  kind: 'monthly',
  month: takenAt.slice(0, 8) + '01',
  note: null,
  method: { step_m: 50, max_m: 2000, places: 'published', population: [], walking: { detour_factor: 1.4, networks: [] } },
  counts: { total: { assets: places, stories: 1, appreciations: 2 }, by_kind: {}, by_category: {}, by_dimension: {} },
  residents: 1000,
  residents_65plus: 200,
});

describe('reading a snapshot at the slider', () => {
  it('reads the step at or below the distance, within 0..2000 m', () => {
    expect(snapshotStep(500)).toEqual({ index: 10, distance: 500 });
    expect(snapshotStep(525)).toEqual({ index: 10, distance: 500 });
    expect(snapshotStep(549.99)).toEqual({ index: 10, distance: 500 });
    expect(snapshotStep(0)).toEqual({ index: 0, distance: 0 });
    expect(snapshotStep(2600)).toEqual({ index: 40, distance: 2000 });
    // 7 minutes at 3 km/h is 350 m, computed as 7 × 50.
    expect(snapshotStep(7 * 50)).toEqual({ index: 7, distance: 350 });
  });

  it('gives the group its own residents and share', () => {
    const figures = { residents: 1000, residents_65plus: 200, covered: steps(10), covered_65plus: steps(2) };
    expect(figuresOfSteps(figures, 500, 'all')).toEqual({ residents: 1000, covered: 100, share: 0.1 });
    expect(figuresOfSteps(figures, 500, '65plus')).toEqual({ residents: 200, covered: 20, share: 0.1 });
    expect(figuresOfSteps({ ...figures, residents_65plus: 0 }, 500, '65plus').share).toBeNull();
  });
});

describe('the trend', () => {
  it('orders the snapshots by date and carries their counts', () => {
    const points: SnapshotTrendPoint[] = [
      { ...snapshot('later', '2026-11-01T03:00:00Z', 7), covered: steps(20), covered_65plus: steps(4) },
      { ...snapshot('earlier', '2026-10-01T03:00:00Z', 5), covered: steps(10), covered_65plus: steps(2) },
    ];
    const trend = trendAt(points, 1000, 'all');
    expect(trend.map((point) => [point.id, point.share, point.places])).toEqual([
      ['earlier', 0.2, 5],
      ['later', 0.4, 7],
    ]);
  });
});

describe('comparing two dates', () => {
  const comparison: SnapshotComparison = {
    first: snapshot('a', '2026-10-01T03:00:00Z', 5),
    second: snapshot('b', '2026-11-01T03:00:00Z', 7),
    target: 'any',
    on_foot: false,
    buurten: [
      {
        buurt_code: 'BU1',
        first: {
          residents: 400,
          residents_65plus: 100,
          cells_unknown: 0,
          cells_unknown_65plus: 0,
          covered: steps(1),
          covered_65plus: steps(1),
        },
        second: {
          residents: 400,
          residents_65plus: 100,
          cells_unknown: 0,
          cells_unknown_65plus: 0,
          covered: steps(3),
          covered_65plus: steps(2),
        },
      },
      {
        buurt_code: 'BU2',
        first: null,
        second: {
          residents: 100,
          residents_65plus: 0,
          cells_unknown: 0,
          cells_unknown_65plus: 1,
          covered: steps(2),
          covered_65plus: steps(0),
        },
      },
    ],
  };

  it('gives each buurt its share then and later, and the change in percentage points', () => {
    expect(comparisonAt(comparison, 500, 'all')).toEqual([
      {
        buurtCode: 'BU1',
        first: { residents: 400, covered: 10, share: 0.025 },
        second: { residents: 400, covered: 30, share: 0.075 },
        change: 5,
      },
      { buurtCode: 'BU2', first: null, second: { residents: 100, covered: 20, share: 0.2 }, change: null },
    ]);
    expect(comparisonAt(comparison, 500, '65plus')[1]!.second!.share).toBeNull();
  });

  it('sums the buurten for the whole werkgebied', () => {
    expect(comparisonTotal(comparison, 'first', 500, 'all')).toEqual({ residents: 400, covered: 10, share: 0.025 });
    expect(comparisonTotal(comparison, 'second', 500, 'all')).toEqual({ residents: 500, covered: 50, share: 0.1 });
  });
});
