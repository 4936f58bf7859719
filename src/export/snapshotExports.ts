import type { SnapshotTrendPoint } from '../backend/wireTypes';
import { figuresOfSteps, snapshotStep } from '../coverage/snapshotFigures';
import type { CoverageTarget } from '../domain/types';
import { csvText } from './csvText';
import { walkingKind } from './coverageExports';

export interface SnapshotExportQuery {
  werkgebiedName: string;
  target: CoverageTarget;
  distance: number;
  onFoot: boolean;
  pace: number;
}

const columns = [
  'werkgebied',
  'taken_at',
  'kind',
  'month',
  'note',
  'target',
  'distance_kind',
  'distance_asked_m',
  'distance_read_m',
  'residents',
  'residents_covered',
  'share_covered',
  'residents_65plus',
  'residents_65plus_covered',
  'share_65plus_covered',
  'places',
  'stories',
  'appreciations',
  'population_method',
  'walking_network',
  'credits',
];

const spreadingName = {
  areal_weighting: 'verdeeld naar oppervlakte',
  dasymetric: 'verdeeld naar woningen of gebouwen',
  cbs_cells: 'CBS-vierkanten',
} as const;

/**
 * The werkgebied's snapshots as one CSV row each, at the planner's question:
 * dated, with what was counted and how (population sources and their spreading,
 * the footway network and detour factor), so a row read years later says what it means.
 */
export function snapshotsCsv(points: SnapshotTrendPoint[], query: SnapshotExportQuery): string {
  const share = (covered: number, total: number) => (total > 0 ? (covered / total).toFixed(4) : '');
  return csvText(
    columns,
    points.map((point) => {
      const all = figuresOfSteps(point, query.distance, 'all');
      const older = figuresOfSteps(point, query.distance, '65plus');
      const { method } = point;
      const credits = [
        ...method.population.map((source) => source.attribution),
        ...method.walking.networks.map((network) => network.attribution),
      ];
      return {
        werkgebied: query.werkgebiedName,
        taken_at: point.taken_at,
        kind: point.kind === 'monthly' ? 'maandelijks' : 'zelf gemaakt',
        month: point.month ?? '',
        note: point.note ?? '',
        target: query.target,
        distance_kind: query.onFoot ? walkingKind(query.pace) : 'hemelsbreed',
        distance_asked_m: query.distance,
        distance_read_m: snapshotStep(query.distance).distance,
        residents: all.residents,
        residents_covered: all.covered,
        share_covered: share(all.covered, all.residents),
        residents_65plus: older.residents,
        residents_65plus_covered: older.covered,
        share_65plus_covered: share(older.covered, older.residents),
        places: point.counts.total.assets,
        stories: point.counts.total.stories,
        appreciations: point.counts.total.appreciations,
        population_method: method.population
          .map((source) => `${source.source ?? '?'}: ${spreadingName[source.spreading]} (${source.cells} cellen)`)
          .join('; '),
        walking_network: method.walking.networks.length
          ? method.walking.networks.map((network) => network.source).join('; ')
          : `geen (rechte lijn × ${String(method.walking.detour_factor).replace('.', ',')})`,
        credits: [...new Set(credits.filter((credit): credit is string => Boolean(credit)))].join('; '),
      };
    }),
  );
}
