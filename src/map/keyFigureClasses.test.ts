import { describe, expect, it } from 'vitest';
import { keyFigureClasses } from './keyFigureClasses';
import { keyFigureFillColor, keyFigureColors, unknownFigureColor } from './keyFigureLayers';

describe('classes of a key figure on the map', () => {
  it('splits ten wijken into five classes of about two each, with breaks the legend can write', () => {
    const shares = [9, 10, 10, 12, 14, 17, 19, 22, 25, 31];
    const classes = keyFigureClasses('share_65plus', shares);
    expect(classes).toEqual({ breaks: [10, 13, 18, 23], min: 9, max: 31, descending: false });
    const perClass = [0, 0, 0, 0, 0];
    for (const value of shares) perClass[classes.breaks.filter((limit) => value >= limit).length]! += 1;
    expect(perClass).toEqual([1, 3, 2, 2, 2]);
  });

  it('makes fewer classes when values repeat, never an empty one', () => {
    expect(keyFigureClasses('urbanity', [1, 1, 2])).toMatchObject({ breaks: [2, 3, 4, 5], descending: true });
    expect(keyFigureClasses('dwellings', [400, 400, 400, 400]).breaks).toEqual([]);
    expect(keyFigureClasses('income_low', [])).toEqual({ breaks: [], min: null, max: null, descending: false });
  });

  it('colours by class, the most urban darkest, and an unknown value grey', () => {
    expect(keyFigureFillColor([10, 20])).toEqual([
      'case',
      ['==', ['typeof', ['get', 'value']], 'number'],
      ['step', ['get', 'value'], keyFigureColors[0], 10, keyFigureColors[1], 20, keyFigureColors[2]],
      unknownFigureColor,
    ]);
    const urban = keyFigureFillColor([2, 3, 4, 5], true)[2] as unknown[];
    expect(urban[2]).toBe(keyFigureColors[4]);
    // No breaks (one class, or nothing loaded yet): one colour, as a step without a stop is not a valid expression.
    expect(keyFigureFillColor([])[2]).toBe(keyFigureColors[0]);
  });
});
