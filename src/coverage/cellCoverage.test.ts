import { describe, expect, it } from 'vitest';
import { shareOf } from './cellCoverage';

describe("the curve's share", () => {
  it('rounds to 4 decimals half away from zero, as SQL rounds a numeric, also where a float lands under the half', () => {
    // 57 / 800 = 0.07125 exactly; as a float it is 0.071249999…, which Math.round would take down.
    expect(Math.round((57 / 800) * 10_000) / 10_000).toBe(0.0712);
    expect(shareOf(57, 800)).toBe(0.0713);
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(2, 3)).toBe(0.6667);
    expect(shareOf(0, 5)).toBe(0);
    expect(shareOf(5, 5)).toBe(1);
  });
});
