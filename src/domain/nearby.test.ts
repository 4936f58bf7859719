import { describe, expect, it } from 'vitest';
import { minutesOnFoot, walkingPaces } from './nearby';

describe('time on foot', () => {
  it('is the distance at the pace, in whole minutes rounded up', () => {
    // 4.5 km/h is 75 m a minute; 3 km/h is 50 m a minute.
    expect(minutesOnFoot(75, walkingPaces.ordinary)).toBe(1);
    expect(minutesOnFoot(76, walkingPaces.ordinary)).toBe(2);
    expect(minutesOnFoot(500, walkingPaces.ordinary)).toBe(7);
    expect(minutesOnFoot(500, walkingPaces.slow)).toBe(10);
    expect(minutesOnFoot(2000, walkingPaces.slow)).toBe(40);
  });

  it('is never 0 minutes, also on the spot itself', () => {
    expect(minutesOnFoot(0, walkingPaces.ordinary)).toBe(1);
  });
});
