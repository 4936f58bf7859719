import type { Feature } from 'geojson';
import type { PopulationWeightRow } from '../../backend/wireTypes';
import { requireRowCount } from '../buildPlan';
import { declaredCrsName, detectCrs, samplePositions, toWgs84 } from '../crs';
import { ImportFileError, type PopulationWeightPlan, type RowIssue } from '../types';
import { featuresOfCollection, parseJsonDocument } from './jsonDocument';

/**
 * Population weights: where people's homes are, so that residents counted per
 * postcode or buurt are spread over the 100 m cells by their homes instead of
 * evenly over parks and water (dasymetric; SQL: public.import_population_weights).
 * A GeoJSON file of points or areas, each with a weight:
 * - a count of homes: `weight`/`gewicht`, `woningen`/`aantal_woningen`,
 *   `dwellings`, CBS's key figure `dwelling_total`, or addresses
 *   (`adressen`, `aantal_adressen`, `addresses`);
 * - else an OpenStreetMap building (a `building` tag) counts its
 *   `building:flats`, or 1, and 0 when nobody lives in that kind of building.
 * An area's weight is spread evenly over it; SQL keeps a building's outline
 * as a point inside it (see there).
 */

const countFields = [
  'weight',
  'gewicht',
  'woningen',
  'aantal_woningen',
  'dwellings',
  'dwelling_total',
  'adressen',
  'aantal_adressen',
  'addresses',
];

/** OpenStreetMap building kinds nobody lives in: they draw no residents. */
const buildingsWithoutHomes = new Set([
  'barn',
  'bunker',
  'carport',
  'church',
  'commercial',
  'construction',
  'farm_auxiliary',
  'garage',
  'garages',
  'greenhouse',
  'hospital',
  'hut',
  'industrial',
  'kiosk',
  'office',
  'parking',
  'public',
  'retail',
  'roof',
  'school',
  'service',
  'shed',
  'sports_hall',
  'supermarket',
  'transformer_tower',
  'warehouse',
]);

/** At most this many weights at once; SQL refuses more too. A country's buildings go per region. */
const maxWeights = 200_000;
/** No single building or area holds more homes than this; more is a wrong column. */
const maxWeight = 1_000_000;

const osmAttribution = '© OpenStreetMap-bijdragers (ODbL)';
const cbsAttribution = 'CBS (CC BY 4.0)';

/** Cheap detection: OpenStreetMap buildings, or features with a count of homes and no population. */
export function looksLikePopulationWeights(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/"building"\s*:\s*"/.test(head) && !/"(?:amenity|leisure|healthcare|club)"\s*:/.test(head)) return true;
  return /"(?:woningen|aantal_woningen|dwellings|adressen|aantal_adressen|gewicht)"\s*:/i.test(head);
}

export function populationWeightPlan(text: string, source: string, attribution: string | null = null): PopulationWeightPlan {
  const document = parseJsonDocument(text);
  const features = featuresOfCollection(document);
  requireRowCount(features.length, maxWeights);
  const crs = detectCrs(
    declaredCrsName(document),
    features.slice(0, 20).flatMap((feature) => samplePositions(feature?.geometry ?? null)),
  );
  const rows: PopulationWeightRow[] = [];
  const issues: RowIssue[] = [];
  let fromOsm = false;
  let fromCbs = false;
  features.forEach((feature, index) => {
    const row = index + 1;
    const geometry = feature?.geometry;
    if (!geometry || (geometry.type !== 'Point' && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      issues.push({ row, severity: 'skip', key: 'import.row.weight_not_point_or_area' });
      return;
    }
    const weight = weightOf(feature);
    if (weight === undefined) {
      issues.push({ row, severity: 'error', key: 'import.row.no_weight' });
      return;
    }
    if (weight === null) {
      issues.push({ row, severity: 'error', key: 'import.row.bad_weight', params: { max: maxWeight } });
      return;
    }
    fromOsm ||= weight.from === 'osm';
    fromCbs ||= weight.from === 'cbs';
    const name = nameOf(feature);
    rows.push({ row, geometry: toWgs84(geometry, crs), weight: weight.value, ...(name ? { name } : {}) });
  });
  if (rows.length === 0 && issues.every((issue) => issue.severity === 'skip')) throw new ImportFileError('import.file.no_weights');
  return {
    target: 'population-weights',
    source,
    attribution: attribution ?? (fromOsm ? osmAttribution : fromCbs ? cbsAttribution : null),
    totalRows: features.length,
    rows,
    questionedRows: [],
    issues,
  };
}

/**
 * A feature's weight and where it came from; null when a count is there but
 * unusable (negative, not a number, too large); undefined when there is none.
 */
function weightOf(feature: Feature): { value: number; from: 'count' | 'cbs' | 'osm' } | null | undefined {
  const properties = Object.fromEntries(Object.entries(feature.properties ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  for (const field of countFields) {
    if (!(field in properties)) continue;
    const value = numberOf(properties[field]);
    return value === null ? null : { value, from: field === 'dwelling_total' ? 'cbs' : 'count' };
  }
  const building = properties.building;
  if (typeof building !== 'string' || building === 'no') return undefined;
  if (buildingsWithoutHomes.has(building)) return { value: 0, from: 'osm' };
  const flats = numberOf(properties['building:flats']);
  return { value: flats !== null && flats >= 1 ? Math.round(flats) : 1, from: 'osm' };
}

/** The name the preview table shows: a wijk's, a building's. */
function nameOf(feature: Feature): string | undefined {
  const properties = feature.properties ?? {};
  const name = [properties.name, properties.naam, properties.statnaam].find((value) => typeof value === 'string' && value.trim());
  return typeof name === 'string' ? name.trim().slice(0, 200) : undefined;
}

/** A number, or text with one decimal comma or point; "1.000" or "1,000" (a thousand?) is refused rather than read as 1. */
function numberOf(value: unknown): number | null {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!/^\d+(?:[.,]\d+)?$/.test(text) || /^\d{1,3}[.,]\d{3}$/.test(text)) return null;
    return numberOf(Number(text.replace(',', '.')));
  }
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= maxWeight ? value : null;
}
