import type { WijkkrachtApi } from '../backend/api';
import type { GapCellCollection } from '../backend/wireTypes';
import { byBuurtAt } from '../coverage/cellCoverage';
import { cellFeatures } from '../coverage/gapLayerData';
import { buurtCoverageCsv, gapCellsGeoJson, type CoverageExportQuery } from './coverageExports';
import { assetsCsv, assetsGeoJson, assetsKml, storiesCsv } from './assetExports';
import { linksCsv, linksGeoJson, linksKml } from './linkExports';

/**
 * Every file the app can hand out. A new result (coverage figures, gap cells)
 * plugs in by adding an entry: the export dialog lists this array.
 */
export interface Exporter {
  id: string;
  /** i18n key of the menu label. */
  labelKey: string;
  extension: 'geojson' | 'csv' | 'kml';
  mimeType: string;
  /** The file's contents, read through the backend seam (RLS decides what is in it). */
  build(api: WijkkrachtApi): Promise<string>;
}

export const exporters: Exporter[] = [
  {
    id: 'assets-geojson',
    labelKey: 'export.assets_geojson',
    extension: 'geojson',
    mimeType: 'application/geo+json',
    build: async (api) => assetsGeoJson(await api.exportAssets(), await api.listAttributions()),
  },
  {
    id: 'assets-csv',
    labelKey: 'export.assets_csv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    build: async (api) => assetsCsv(await api.exportAssets()),
  },
  {
    id: 'assets-kml',
    labelKey: 'export.assets_kml',
    extension: 'kml',
    mimeType: 'application/vnd.google-earth.kml+xml',
    build: async (api) => assetsKml(await api.exportAssets(), await api.listAttributions()),
  },
  {
    id: 'stories-csv',
    labelKey: 'export.stories_csv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    build: async (api) => storiesCsv(await api.exportStories()),
  },
  {
    id: 'links-csv',
    labelKey: 'export.links_csv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    build: async (api) => linksCsv(await api.exportLinks()),
  },
  {
    id: 'links-geojson',
    labelKey: 'export.links_geojson',
    extension: 'geojson',
    mimeType: 'application/geo+json',
    build: async (api) => linksGeoJson(await api.exportLinks(), await api.exportAssets()),
  },
  {
    id: 'links-kml',
    labelKey: 'export.links_kml',
    extension: 'kml',
    mimeType: 'application/vnd.google-earth.kml+xml',
    build: async (api) => linksKml(await api.exportLinks(), await api.exportAssets()),
  },
];

/** Coverage results: built for the planner's current question (target, distance, candidates). */
export interface CoverageExporter extends Omit<Exporter, 'build'> {
  build(api: WijkkrachtApi, query: CoverageExportQuery, buurtNames: Map<string, string>): Promise<string>;
}

/**
 * On foot the figures come from the cells' walking distances (public.coverage_cells),
 * summed as the planner sums them; in a straight line from the SQL functions.
 */
async function walkingCells(api: WijkkrachtApi, query: CoverageExportQuery) {
  const cells = await api.coverageCells({
    targets: [query.target],
    candidates: query.candidates ?? [],
    werkgebiedId: query.werkgebiedId ?? null,
    withoutStale: query.withoutStale ?? false,
    onFoot: true,
  });
  return { cells, distances: cells.with_candidates ?? cells.distances[query.target] ?? [] };
}

/** The population's credits, and on foot the footway network's (OpenStreetMap, ODbL). */
async function creditsOf(api: WijkkrachtApi, query: CoverageExportQuery): Promise<string[]> {
  const population = (await api.populationSummary()).attributions;
  if (!query.onFoot) return population;
  return [...new Set([...population, ...(await api.walkNetworkSummary()).attributions])];
}

async function gapCellsOf(api: WijkkrachtApi, query: CoverageExportQuery): Promise<GapCellCollection> {
  if (!query.onFoot) return api.gapCells(query);
  const { cells, distances } = await walkingCells(api, query);
  const all = cellFeatures(cells, distances);
  return {
    ...all,
    features: all.features.filter(({ properties: { distance_m } }) => distance_m === null || distance_m > query.distance),
  };
}

export const coverageExporters: CoverageExporter[] = [
  {
    id: 'gap-cells-geojson',
    labelKey: 'export.gap_cells_geojson',
    extension: 'geojson',
    mimeType: 'application/geo+json',
    build: async (api, query) => gapCellsGeoJson(await gapCellsOf(api, query), query, await creditsOf(api, query)),
  },
  {
    id: 'coverage-by-buurt-csv',
    labelKey: 'export.coverage_by_buurt_csv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    build: async (api, query, buurtNames) => {
      if (!query.onFoot) return buurtCoverageCsv(await api.coverageByBuurt(query), query, buurtNames);
      const { cells, distances } = await walkingCells(api, query);
      return buurtCoverageCsv(byBuurtAt(cells, distances, query.distance), query, buurtNames);
    },
  },
];

/** The werkgebied's snapshots at the planner's question (built in the planner, src/export/snapshotExports.ts). */
export const snapshotExporter = {
  id: 'snapshots-csv',
  labelKey: 'snapshots.export',
  extension: 'csv',
  mimeType: 'text/csv;charset=utf-8',
} as const;

/** e.g. wijkkracht-assets-2026-11-23.geojson */
export function exportFileName(exporter: Pick<Exporter, 'id' | 'extension'>, date = new Date()): string {
  const name = exporter.id.replace(/-(geojson|csv|kml)$/, '');
  return `wijkkracht-${name}-${date.toISOString().slice(0, 10)}.${exporter.extension}`;
}
