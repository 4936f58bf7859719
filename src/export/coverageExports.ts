import type { BuurtCoverage, GapCellCollection } from '../backend/wireTypes';
import { csvText } from './csvText';
import type { CoverageQuery } from '../backend/api';
import { walkDetourFactor, wholeMinutesAt } from '../domain/nearby';

/** The planner's question as an export states it: on foot at a pace, or in a straight line. */
export type CoverageExportQuery = CoverageQuery & { onFoot?: boolean; pace?: number };

/**
 * Coverage results as files for a report or a GIS: the gap cells as GeoJSON
 * and the figures per buurt as CSV. Both say what was asked (target, distance,
 * straight-line distance, candidates) so a file read later cannot be misread.
 */

const buurtCoverageColumns = [
  'buurt_code',
  'buurt_name',
  'target',
  'distance_m',
  'distance_kind',
  'residents',
  'residents_covered',
  'share_covered',
  'residents_65plus',
  'residents_65plus_covered',
  'share_65plus_covered',
  'cells_unknown',
  'cells_unknown_65plus',
  'cells_estimated',
  'candidates',
] as const;

export function gapCellsGeoJson(cells: GapCellCollection, query: CoverageExportQuery, attributions: string[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    query: {
      target: query.target,
      distance_m: query.distance,
      distance_kind: query.onFoot
        ? `on foot along the footway network; off it, straight line × ${walkDetourFactor}`
        : 'straight line (RD New, EPSG:28992)',
      ...(query.onFoot && query.pace ? { pace_kmh: query.pace, minutes_on_foot: wholeMinutesAt(query.distance, query.pace) } : {}),
      candidates: query.candidates ?? [],
    },
    attribution: attributions,
    features: cells.features,
  });
}

export function buurtCoverageCsv(rows: BuurtCoverage[], query: CoverageExportQuery, buurtNames: Map<string, string>): string {
  const share = (covered: number, total: number) => (total > 0 ? (covered / total).toFixed(4) : '');
  return csvText(
    [...buurtCoverageColumns],
    rows.map((row) => ({
      ...row,
      buurt_code: row.buurt_code ?? '',
      buurt_name: row.buurt_code ? (buurtNames.get(row.buurt_code) ?? '') : '(buiten de buurten)',
      target: query.target,
      distance_m: query.distance,
      distance_kind: query.onFoot ? walkingKind(query.pace) : 'hemelsbreed',
      share_covered: share(row.residents_covered, row.residents),
      share_65plus_covered: share(row.residents_65plus_covered, row.residents_65plus),
      candidates: (query.candidates ?? []).length,
    })),
  );
}

/** How the CSV names walking distances, in Dutch with decimal commas as the sheet's reader writes them. */
export function walkingKind(pace: number | undefined): string {
  const comma = (value: number) => String(value).replace('.', ',');
  return `lopend (${pace ? `${comma(pace)} km/u; ` : ''}zonder pad: rechte lijn × ${comma(walkDetourFactor)})`;
}
