import type { LayerSpecification } from 'maplibre-gl';
import type { TargetGroup } from '../domain/types';
import { peopleColor } from './gapLayers';

/**
 * Where people live, on their own: residents (or those aged 65 and over) per
 * 100 m cell, independent of the planner's gaps. Blues, so nobody reads them
 * as the gap layer's reds; estimated cells lighter, secret counts grey.
 */
export const populationSourceId = 'population-cells';
export const populationLayerId = 'population-fill';

export const populationColors = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

/** The classes are the gap layer's (gapBreaks), so the two compare. */
export const populationFillColor = (group: TargetGroup) => peopleColor(group, populationColors);

/** Beneath the gap cells, the areas and the places. */
export function populationLayers(group: TargetGroup): LayerSpecification[] {
  return [
    {
      id: populationLayerId,
      type: 'fill',
      source: populationSourceId,
      paint: {
        'fill-color': populationFillColor(group),
        'fill-opacity': ['case', ['get', 'estimated'], 0.5, 0.75],
      },
    },
  ];
}
