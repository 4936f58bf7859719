import type { Feature } from 'geojson';
import type { AreasWithPopulationRow, PopulationCellRow } from '../../backend/wireTypes';
import { buildAreaPopulationPlan, buildPopulationCellPlan, type Draft } from '../buildPlan';
import { declaredCrsName, detectCrs, samplePositions } from '../crs';
import type { AreaPopulationPlan, AreasWithPopulationPlan, PopulationCellPlan, RowIssue } from '../types';
import { readKeyFigures } from '../../domain/keyFigures';
import { readCbsAreaFeatures } from './cbsAreas';
import { featuresOfCollection, parseJsonDocument } from './jsonDocument';

/**
 * Population from CBS, in the two shapes CBS publishes it:
 * - area tables: postcode areas with 5-year age bands (`inwoners`,
 *   `inw_65_69` … `inw_95_plus`, `inw_65plus_sum`), or buurt/wijk key figures
 *   with a total and the share aged 65+ in percent (`population` + `pop_65plus`,
 *   or CBS's own `aantal_inwoners` + `percentage_personen_65_jaar_en_ouder`);
 *   SQL spreads them over 100 m cells and marks those cells estimated;
 * - the 100 m grid (vierkantstatistieken) as GeoJSON: a cell id
 *   (`crs28992res100m`, older files `c28992r100`) with `aantal_inwoners` and
 *   `aantal_inwoners_65_jaar_en_ouder` (older `inwoner`, `inw_65pl`).
 * CBS writes counts it keeps secret as negative codes (-99997 and the like):
 * those become null, unknown, never 0.
 * The field names of the grid are CBS's documented ones; no grid file is in
 * ../shared/data to check them against (see README).
 */

const cbsPopulationAttribution = 'CBS (CC BY 4.0)';

const residentFields = ['inwoners', 'aantal_inwoners', 'population', 'aant_inw', 'inwoner', 'bevolking'];
const residents65Fields = ['inw_65plus_sum', 'aantal_inwoners_65_jaar_en_ouder', 'aantal_65_jaar_en_ouder', 'inw_65pl'];
const share65Fields = ['pop_65plus', 'percentage_personen_65_jaar_en_ouder', 'p_65_eo_jr'];
/** 5-year bands from 65 up: inw_65_69 … inw_90_94, inw_95_plus. */
const band65Plus = /^inw_(?:6[5-9]|[7-9]\d)_(?:\d+|plus)$/;
const cellIdFields = ['crs28992res100m', 'c28992r100', 'cell_id', 'vierkant_id'];

/** Cheap detection for the dialog and the CLI: a grid cell id field, or population fields next to areas. */
export function looksLikePopulationGrid(text: string): boolean {
  return /"(?:crs28992res100m|c28992r100)"\s*:/i.test(text.slice(0, 4096));
}

export function looksLikeAreaPopulation(text: string): boolean {
  const ends = [text.slice(0, 4096), text.slice(-4096)];
  return ends.some((part) => /"(?:inw_65plus_sum|inw_65_69|pop_65plus|percentage_personen_65_jaar_en_ouder|p_65_eo_jr)"\s*:/i.test(part));
}

/**
 * CBS key figures per wijk or buurt (kerncijfers wijken en buurten): codes WK… or
 * BU… next to population fields. They bring the areas and their population.
 */
export function looksLikeAreasWithPopulation(text: string): boolean {
  return looksLikeAreaPopulation(text) && /"(?:WK\d{6}|BU\d{8})"/.test(text.slice(0, 4096));
}

export function areaPopulationPlan(text: string, source = 'cbs-population'): AreaPopulationPlan {
  return buildAreaPopulationPlan({ source, attribution: cbsPopulationAttribution, ...populationDrafts(text) });
}

/**
 * A CBS wijk or buurt file with key figures as both: the areas (their boundary,
 * level and parent) and their residents spread over cells, written in one
 * transaction (public.import_areas_with_population).
 */
export function areasWithPopulationPlan(text: string, source = 'cbs-kerncijfers'): AreasWithPopulationPlan {
  const plan = buildAreaPopulationPlan({ source, attribution: cbsPopulationAttribution, ...populationDrafts(text, true) });
  return { ...plan, target: 'areas-population' } as AreasWithPopulationPlan;
}

/** With key figures: the wijk's or buurt's other figures too (dwellings, income, …), which SQL keeps for the map. */
function populationDrafts(text: string, withKeyFigures = false) {
  const features = readCbsAreaFeatures(text);
  const drafts = features.map(({ draft, properties }): Draft<AreasWithPopulationRow> => {
    if (!draft.value) return { ...draft, value: null };
    const fields = lowerCaseKeys(properties);
    const residents = firstCount(fields, residentFields);
    const label = draft.value.name || draft.value.code;
    const issue = (key: string): Draft<AreasWithPopulationRow> => ({
      row: draft.row,
      value: null,
      issues: [{ row: draft.row, severity: 'error', key, label }],
    });
    if (residents === undefined) return issue('import.row.no_residents');
    const residents65 = residents65Of(fields, residents);
    if (residents !== null && residents65 !== null && residents65 > residents) return issue('import.row.more_65plus_than_residents');
    const { code, name, geometry, level, parent_code } = draft.value;
    const bands = ageBandsOf(fields);
    return {
      row: draft.row,
      issues: draft.issues,
      value: {
        row: draft.row,
        code,
        name,
        level,
        parent_code,
        geometry,
        residents,
        residents_65plus: residents65,
        ...(bands ? { age_bands: bands } : {}),
        ...(withKeyFigures ? { key_figures: readKeyFigures(fields) } : {}),
      },
    };
  });
  return { totalRows: features.length, drafts };
}

export function populationGridPlan(text: string, source = 'cbs-grid'): PopulationCellPlan {
  const document = parseJsonDocument(text);
  const features = featuresOfCollection(document);
  // Cells without an id field are named from their geometry, which must then be in RD New.
  const crs = detectCrs(
    declaredCrsName(document),
    features.slice(0, 20).flatMap((feature) => samplePositions(feature?.geometry ?? null)),
  );
  const drafts = features.map((feature, index): Draft<PopulationCellRow> => {
    const row = index + 1;
    const fields = lowerCaseKeys((feature?.properties ?? {}) as Record<string, unknown>);
    const cellId = cellIdOf(fields, feature, crs === 'EPSG:28992');
    const issue = (key: string, params?: RowIssue['params']): Draft<PopulationCellRow> => ({
      row,
      value: null,
      issues: [{ row, severity: 'error', key, ...(cellId ? { label: cellId } : {}), ...(params ? { params } : {}) }],
    });
    if (!cellId) return issue('import.row.no_cell_id');
    const residents = firstCount(fields, residentFields);
    if (residents === undefined) return issue('import.row.no_residents');
    const residents65 = residents65Of(fields, residents);
    return { row, issues: [], value: { row, cell_id: cellId, residents, residents_65plus: residents65 } };
  });
  return buildPopulationCellPlan({ source, attribution: cbsPopulationAttribution, totalRows: features.length, drafts });
}

/** Residents aged 65+: a count, else the sum of the age bands, else a percentage of the total. */
function residents65Of(fields: Record<string, unknown>, residents: number | null): number | null {
  const count = firstCount(fields, residents65Fields);
  if (count !== undefined) return count;
  const bands = Object.keys(fields).filter((key) => band65Plus.test(key));
  if (bands.length > 0) {
    const counts = bands.map((key) => countOf(fields[key]));
    return counts.some((value) => value === null || value === undefined)
      ? null
      : counts.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  }
  const share = firstCount(fields, share65Fields);
  if (share === undefined || share === null || residents === null) return null;
  return Math.round((residents * share) / 100);
}

/** The 5-year bands as CBS names them (inw_0_4 … inw_95_plus), kept with the area's counts: "0_4" → 250. */
function ageBandsOf(fields: Record<string, unknown>): Record<string, number | null> | null {
  const bands = Object.keys(fields).filter((key) => /^inw_\d+_(?:\d+|plus)$/.test(key));
  if (bands.length === 0) return null;
  return Object.fromEntries(bands.map((key) => [key.slice('inw_'.length), countOf(fields[key]) ?? null]));
}

/** undefined: no such field; null: the field says secret or unknown. */
function firstCount(fields: Record<string, unknown>, names: string[]): number | null | undefined {
  for (const name of names) if (name in fields) return countOf(fields[name]);
  return undefined;
}

function countOf(value: unknown): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(number)) return null;
  // CBS's codes for secret (-99997) and missing (-99995, -99998) counts.
  return number < 0 ? null : number;
}

function cellIdOf(fields: Record<string, unknown>, feature: Feature | undefined, inRdNew: boolean): string | null {
  for (const name of cellIdFields) {
    const value = fields[name];
    if (typeof value === 'string' && /^E\d{3,4}N\d{3,4}$/i.test(value.trim())) {
      const [, east, north] = /^E(\d+)N(\d+)$/i.exec(value.trim())!;
      return `E${east!.padStart(4, '0')}N${north!.padStart(4, '0')}`;
    }
  }
  if (!inRdNew || !feature?.geometry) return null;
  const positions = samplePositions(feature.geometry);
  if (positions.length === 0) return null;
  const west = Math.min(...positions.map((position) => position[0]!));
  const south = Math.min(...positions.map((position) => position[1]!));
  const hectometre = (metres: number) => String(Math.floor((metres + 0.5) / 100)).padStart(4, '0');
  return `E${hectometre(west)}N${hectometre(south)}`;
}

function lowerCaseKeys(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key.toLowerCase(), value]));
}
