import { describe, expect, it } from 'vitest';
import type { ShownCoverage } from '../backend/wireTypes';
import { groupCoverageAt } from './targetGroupFigures';

const steps: ShownCoverage[] = Array.from({ length: 41 }, (_, index) =>
  index < 5
    ? { total: 40, covered: null, few: 'covered' }
    : index < 30
      ? { total: 40, covered: 20, few: null }
      : { total: 40, covered: null, few: 'uncovered' },
);

describe("a private group's figures at the slider", () => {
  it('reads the 50 m step at or below the distance, as SQL gave it', () => {
    expect(groupCoverageAt(steps, 260)).toEqual({ shown: { total: 40, covered: 20, few: null }, percent: 50 });
    expect(groupCoverageAt(steps, 240).shown.few).toBe('covered');
    expect(groupCoverageAt(steps, 2000).shown.few).toBe('uncovered');
  });

  it('gives no share where SQL withheld the count', () => {
    expect(groupCoverageAt(steps, 100).percent).toBeNull();
    expect(groupCoverageAt([], 100)).toEqual({ shown: { total: null, covered: null, few: 'total' }, percent: null });
  });
});
