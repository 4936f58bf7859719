import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/**
 * The areas coloured by one CBS key figure (a choropleth), beneath the gap and
 * population cells, the area outlines and the places. Purples, so nobody reads
 * them as the population's blues or the gaps' reds; an area whose figure CBS
 * does not give is grey.
 */
export const keyFigureSourceId = 'key-figures';
export const keyFigureLayerId = 'key-figure-fill';

export const keyFigureColors = ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'] as const;
export const unknownFigureColor = '#d4d4d4';

/** The colour of each class, lowest value first; with `descending`, the lowest value darkest. The map and its legend both use it. */
export function keyFigureClassColors(breaks: number[], descending = false): string[] {
  const shown = keyFigureColors.slice(0, breaks.length + 1);
  return descending ? [...shown].reverse() : shown;
}

/** Where the figure lies between the breaks: one colour per class (keyFigureClassColors). */
export function keyFigureFillColor(breaks: number[], descending = false): ExpressionSpecification {
  const colors = keyFigureClassColors(breaks, descending);
  const steps = breaks.flatMap((value, index) => [value, colors[index + 1]!]);
  // A step needs a stop: with one class (all values equal, or none yet), one colour.
  const byValue = steps.length > 0 ? (['step', ['get', 'value'], colors[0]!, ...steps] as unknown as ExpressionSpecification) : colors[0]!;
  return ['case', ['==', ['typeof', ['get', 'value']], 'number'], byValue, unknownFigureColor];
}

export function keyFigureLayers(fillColor: ExpressionSpecification): LayerSpecification[] {
  return [
    {
      id: keyFigureLayerId,
      type: 'fill',
      source: keyFigureSourceId,
      paint: { 'fill-color': fillColor, 'fill-opacity': 0.7, 'fill-outline-color': '#ffffff' },
    },
  ];
}
