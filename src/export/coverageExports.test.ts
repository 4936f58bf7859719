import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { BuurtCoverage, GapCellCollection } from '../backend/wireTypes';
import { buurtCoverageCsv, gapCellsGeoJson } from './coverageExports';
import { coverageGain, groupFigures } from '../coverage/coverageFigures';

const buurt = (code: string | null, residents: number, covered: number, old: number, oldCovered: number): BuurtCoverage => ({
  buurt_code: code,
  residents,
  residents_covered: covered,
  residents_65plus: old,
  residents_65plus_covered: oldCovered,
  cells_unknown: 0,
  cells_unknown_65plus: 1,
  cells_estimated: 3,
});

describe('coverage results as files', () => {
  const query = {
    target: 'category:ontmoetingsplek' as const,
    distance: 400,
    candidates: [{ type: 'Point' as const, coordinates: [4.5, 52.16] as [number, number] }],
  };

  it('per buurt as CSV: names, shares of both groups, and what was asked', () => {
    const csv = buurtCoverageCsv(
      [buurt('BU05460000', 200, 50, 40, 0), buurt(null, 10, 10, 0, 0)],
      query,
      new Map([['BU05460000', 'Pieterswijk']]),
    );
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(parsed[0]).toMatchObject({
      buurt_code: 'BU05460000',
      buurt_name: 'Pieterswijk',
      target: 'category:ontmoetingsplek',
      distance_m: '400',
      distance_kind: 'hemelsbreed',
      share_covered: '0.2500',
      share_65plus_covered: '0.0000',
      cells_unknown_65plus: '1',
      candidates: '1',
    });
    // Nobody aged 65+ known: no share rather than a false 0 %.
    expect(parsed[1]).toMatchObject({
      buurt_code: '',
      buurt_name: '(buiten de buurten)',
      share_covered: '1.0000',
      share_65plus_covered: '',
    });
  });

  it('gap cells as GeoJSON keep the question and the credit', () => {
    const cells: GapCellCollection = { type: 'FeatureCollection', features: [] };
    const document = JSON.parse(gapCellsGeoJson(cells, query, ['CBS (CC BY 4.0)']));
    expect(document.query).toMatchObject({ target: 'category:ontmoetingsplek', distance_m: 400, candidates: query.candidates });
    expect(document.attribution).toEqual(['CBS (CC BY 4.0)']);
  });

  it('say when the distances are on foot, at which pace, and what counts off the paths', () => {
    const onFoot = { ...query, distance: 525, onFoot: true, pace: 4.5 };
    const document = JSON.parse(gapCellsGeoJson({ type: 'FeatureCollection', features: [] }, onFoot, []));
    expect(document.query).toMatchObject({
      distance_m: 525,
      distance_kind: 'on foot along the footway network; off it, straight line × 1.4',
      pace_kmh: 4.5,
      minutes_on_foot: 7,
    });
    const csv = buurtCoverageCsv([buurt('BU05460000', 200, 50, 40, 0)], onFoot, new Map());
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(parsed[0]!.distance_kind).toBe('lopend (4,5 km/u; zonder pad: rechte lijn × 1,4)');
    expect(JSON.parse(gapCellsGeoJson({ type: 'FeatureCollection', features: [] }, query, [])).query.distance_kind).toBe(
      'straight line (RD New, EPSG:28992)',
    );
  });

  it('figures per group, and the gain of a trial place', () => {
    const figures = { ...buurt('x', 200, 50, 40, 10), target: 'any', distance_m: 400, cells: 3 };
    expect(groupFigures(figures, '65plus')).toEqual({ residents: 40, covered: 10, uncovered: 30, share: 0.25 });
    expect(groupFigures({ ...figures, residents: 0, residents_covered: 0 }, 'all').share).toBeNull();
    expect(coverageGain(figures, { ...figures, residents_covered: 80, residents_65plus_covered: 16 })).toEqual({
      residents: 30,
      residents65plus: 6,
    });
  });
});
