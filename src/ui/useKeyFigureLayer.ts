import type { Feature, FeatureCollection } from 'geojson';
import { useCallback, useMemo } from 'react';
import type { WijkkrachtApi } from '../backend/api';
import type { AreaCollection, KeyFiguresByArea } from '../backend/wireTypes';
import type { KeyFigure } from '../domain/keyFigures';
import type { AreaLevel } from '../domain/types';
import type { KeyFigureClasses } from '../map/keyFigureClasses';
import type { KeyFigureMapLayer } from '../map/WijkMap';
import { useLatestResult } from './planner/useLatestResult';

/** One key figure on the map: the areas coloured by it, and what the legend needs. */
export interface KeyFigureLayer {
  figure: KeyFigure;
  map: KeyFigureMapLayer;
  classes: KeyFigureClasses;
  /** The level of the areas shown (the one with the most areas that have the figure); null when none has it. */
  level: AreaLevel | null;
  /** Areas shown, and how many of them without a value (CBS keeps it secret or does not know it). */
  areas: number;
  unknown: number;
  attributions: string[];
}

/**
 * The CBS key figures per area, asked once when a figure is first chosen and
 * again after each import (public.key_figures_by_area, small); choosing another
 * figure only recolours. The class breaks are worked out by a module loaded then,
 * not with the map's first screen.
 */
export function useKeyFigureLayer(api: WijkkrachtApi, figure: KeyFigure | null, dataVersion: number, areas: AreaCollection) {
  const load = useCallback(
    async (on: boolean) => {
      if (!on) return null;
      const [figures, { keyFigureClasses }] = await Promise.all([api.keyFiguresByArea(), import('../map/keyFigureClasses')]);
      return { figures, keyFigureClasses };
    },
    [api],
  );
  const answer = useLatestResult(figure !== null, figure !== null ? `on|${dataVersion}` : 'off', load);
  const layer = useMemo(
    () => (figure !== null && answer.value ? layerOf(figure, answer.value.figures, areas, answer.value.keyFigureClasses) : null),
    [figure, answer.value, areas],
  );
  return { layer: figure !== null ? layer : null, error: figure !== null ? answer.error : null };
}

function layerOf(
  figure: KeyFigure,
  data: KeyFiguresByArea,
  areas: AreaCollection,
  classesOf: (figure: KeyFigure, values: number[]) => KeyFigureClasses,
): KeyFigureLayer {
  const values = data.figures[figure] ?? {};
  const withFigure = areas.features.filter((area) => area.properties.code in values);
  // Wijken and buurten overlap: one level at a time, the one most areas have the figure for.
  const perLevel = new Map<AreaLevel, number>();
  for (const area of withFigure) perLevel.set(area.properties.level, (perLevel.get(area.properties.level) ?? 0) + 1);
  const level = [...perLevel.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const features: Feature[] = withFigure
    .filter((area) => area.properties.level === level)
    .map((area) => ({
      type: 'Feature',
      geometry: area.geometry,
      properties: { code: area.properties.code, name: area.properties.name, value: values[area.properties.code] ?? null },
    }));
  const known = features.map((feature) => feature.properties!.value as number | null).filter((value): value is number => value !== null);
  const classes = classesOf(figure, known);
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  return {
    figure,
    map: { areas: collection, breaks: classes.breaks, descending: classes.descending },
    classes,
    level,
    areas: features.length,
    unknown: features.length - known.length,
    attributions: data.attributions,
  };
}
