import { describe, expect, it } from 'vitest';
import { wholeMinutesAt } from '../../domain/nearby';
import { distanceOfMinutes, maxMinutes } from './plannerState';

describe('the slider in minutes on foot', () => {
  it('reaches as far as coverage does: 26 whole minutes at 4.5 km/h, 40 at 3 km/h', () => {
    expect(maxMinutes(4.5)).toBe(26);
    expect(maxMinutes(3)).toBe(40);
  });

  it('turns whole minutes into metres at a pace, within reach', () => {
    expect(distanceOfMinutes(7, 4.5)).toBe(525);
    expect(distanceOfMinutes(7, 3)).toBe(350);
    expect(distanceOfMinutes(60, 4.5)).toBe(1950);
    expect(distanceOfMinutes(-3, 3)).toBe(0);
  });

  it('finds the whole minutes nearest a distance', () => {
    expect(wholeMinutesAt(500, 4.5)).toBe(7);
    expect(wholeMinutesAt(2000, 3)).toBe(40);
  });
});
