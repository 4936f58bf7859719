import { scaleQuantile } from 'd3-scale';
import type { KeyFigure } from '../domain/keyFigures';

/** How the map splits a key figure's values into coloured classes, and what the legend says of each. */
export interface KeyFigureClasses {
  /** Class i holds the values from breaks[i - 1] (or the lowest) up to, not including, breaks[i]. */
  breaks: number[];
  /** The lowest and highest value shown; null when no area has the figure. */
  min: number | null;
  max: number | null;
  /** Urbanity: class 1 is the most urban, so the lowest value is drawn darkest. */
  descending: boolean;
}

/** CBS's five degrees of urbanity are the classes themselves. */
const urbanityBreaks = [2, 3, 4, 5];

/**
 * Five classes with about as many areas in each (quantiles), so a handful of
 * wijken spread over the colours instead of all falling in one; fewer when
 * values repeat.
 */
export function keyFigureClasses(figure: KeyFigure, values: number[]): KeyFigureClasses {
  if (values.length === 0) return { breaks: [], min: null, max: null, descending: false };
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (figure === 'urbanity') return { breaks: urbanityBreaks, min, max, descending: true };
  const quantiles = scaleQuantile<number>().domain(values).range([0, 1, 2, 3, 4]).quantiles();
  // A break at the lowest value, or twice the same, would make an empty class.
  const breaks = [...new Set(quantiles.map((value) => roundForLegend(value)))].filter((value) => value > min && value <= max);
  return { breaks, min, max, descending: false };
}

/** Breaks the legend can write plainly: whole numbers from 10 up, one decimal below. */
function roundForLegend(value: number): number {
  return Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}
