import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { AreaLevel } from '../../domain/types';
import type { AreaImportRow } from '../../backend/wireTypes';
import { buildAreaPlan, type Draft } from '../buildPlan';
import { declaredCrsName, detectCrs, samplePositions, toWgs84 } from '../crs';
import { featuresOfCollection, parseJsonDocument } from './jsonDocument';
import { readJsonGeometry } from './jsonGeometry';
import type { AreaPlan, RowIssue } from '../types';

/**
 * CBS boundaries (gemeenten, wijken, buurten, postcode areas) as Wijkkracht
 * areas, from GeoJSON as the open sources publish it: PDOK's OGC API
 * (buurtcode/buurtnaam, wijkcode/wijknaam, gemeentecode/gemeentenaam), CBS
 * gebiedsindelingen (statcode/statnaam/rubriek), or code/name and
 * postcode/gemeente as R and GIS exports write them. Coordinates may be WGS84
 * or RD New (the CBS downloads); they are stored as WGS84.
 *
 * An area's parent follows from its code: buurt BU05460801 lies in wijk
 * WK054608, which lies in gemeente GM0546.
 */

const cbsAttribution = 'CBS en Kadaster (CC BY 4.0)';

export interface CbsAreaOptions {
  /** The level for features whose code and `rubriek` do not tell it. */
  level?: AreaLevel;
}

export function cbsAreaPlan(text: string, options: CbsAreaOptions = {}): AreaPlan {
  const drafts = readCbsAreas(text, options);
  return buildAreaPlan({ source: 'cbs', attribution: cbsAttribution, totalRows: drafts.length, drafts });
}

export function readCbsAreas(text: string, options: CbsAreaOptions = {}): Draft<AreaImportRow>[] {
  return readCbsAreaFeatures(text, options).map((feature) => feature.draft);
}

/** Each feature as an area draft, with its properties for importers that read more of them (population counts). */
export function readCbsAreaFeatures(
  text: string,
  options: CbsAreaOptions = {},
): Array<{ draft: Draft<AreaImportRow>; properties: Record<string, unknown> }> {
  const document = parseJsonDocument(text);
  const features = featuresOfCollection(document);
  // The first features are enough to tell RD New (metres) from WGS84 (degrees).
  const sample = features.slice(0, 20).flatMap((feature) => samplePositions(feature?.geometry ?? null));
  const crs = detectCrs(declaredCrsName(document), sample);
  return features.map((feature, index) => {
    const row = index + 1;
    const properties = (feature?.properties ?? {}) as Record<string, unknown>;
    const { code, name } = identify(properties);
    const issue = (key: string, params?: RowIssue['params']) => ({
      properties,
      draft: {
        row,
        value: null,
        issues: [{ row, severity: 'error', key, ...(name || code ? { label: name || code } : {}), ...(params ? { params } : {}) }],
      } as Draft<AreaImportRow>,
    });
    if (!code) return issue('import.row.empty_code');
    const geometry = readJsonGeometry(feature?.geometry);
    if (geometry === 'broken') return issue('import.row.broken_geometry');
    if (!geometry) return issue('import.row.no_geometry');
    if (!isSurface(geometry)) return issue('import.row.unsupported_geometry', { type: geometry.type });
    const level = levelOf(code, properties.rubriek, options.level);
    return {
      properties,
      draft: {
        row,
        issues: [],
        value: {
          row,
          code,
          // A postcode area has no name of its own; its number is what people call it.
          name: name || (level === 'pc4' ? code : ''),
          level,
          parent_code: parentCode(code, level, properties),
          geometry: toWgs84(geometry, crs),
        },
      },
    };
  });
}

/** Cheap format detection: CBS code fields or codes such as "WK054608", in the first or last 4 KB. */
export function looksLikeCbsAreas(text: string): boolean {
  // PDOK may write a long geometry before the properties; the end of the file then still shows them.
  const ends = [text.slice(0, 4096), text.slice(-4096)];
  return ends.some(
    (part) =>
      /"(?:statcode|buurtcode|wijkcode|gemeentecode)"\s*:/.test(part) ||
      /"(?:BU\d{8}|WK\d{6}|GM\d{4})"/.test(part) ||
      // Postcode areas: a four-digit "postcode" next to a polygon (not an address list of points).
      (/"(?:postcode|postcode4|pc4)"\s*:\s*"?\d{4}(?:\.0)?"?\s*[,}]/.test(part) && /"(?:Multi)?Polygon"/.test(part)),
  );
}

// ---------------------------------------------------------------------------

/**
 * Where each source keeps an area's code and name, most specific first: a PDOK
 * buurt also carries its wijkcode and gemeentecode, so buurtcode must win.
 */
const codeFields: { code: string; names: string[]; isGemeenteCode?: boolean }[] = [
  { code: 'statcode', names: ['statnaam'] },
  { code: 'buurtcode', names: ['buurtnaam'] },
  { code: 'wijkcode', names: ['wijknaam'] },
  { code: 'code', names: ['name', 'naam'] },
  { code: 'postcode', names: [] },
  { code: 'postcode4', names: [] },
  { code: 'pc4', names: [] },
  { code: 'gemeentecode', names: ['gemeentenaam', 'gemeente'], isGemeenteCode: true },
];

function identify(properties: Record<string, unknown>): { code: string; name: string } {
  for (const field of codeFields) {
    const raw = textOf(properties[field.code]);
    if (!raw) continue;
    const code = field.isGemeenteCode ? gemeenteCode(raw) : normaliseCode(raw);
    const name = [...field.names, 'name', 'naam'].map((key) => textOf(properties[key])).find(Boolean) ?? '';
    return { code, name };
  }
  // No code: still find a name, so that the message can say which row is meant.
  const name = codeFields
    .flatMap((field) => field.names)
    .map((key) => textOf(properties[key]))
    .find(Boolean);
  return { code: '', name: name ?? '' };
}

/** Text from a property; R and GIS exports write a postcode as the number 2311 (or 2311.0). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return '';
}

function normaliseCode(code: string): string {
  return /^(bu|wk|gm)\d+$/i.test(code) ? code.toUpperCase() : code;
}

/** CBS tables often write a gemeente code as a bare number: "546" or "0546" is GM0546. */
function gemeenteCode(raw: string): string {
  return /^\d{1,4}$/.test(raw) ? `GM${raw.padStart(4, '0')}` : normaliseCode(raw);
}

const levelsByRubriek: Record<string, AreaLevel> = { buurt: 'buurt', wijk: 'wijk', gemeente: 'gemeente', pc4: 'pc4' };

function levelOf(code: string, rubriek: unknown, fallback: AreaLevel | undefined): AreaLevel {
  if (/^BU\d{8}$/.test(code)) return 'buurt';
  if (/^WK\d{6}$/.test(code)) return 'wijk';
  if (/^GM\d{4}$/.test(code)) return 'gemeente';
  if (/^\d{4}$/.test(code)) return 'pc4';
  return levelsByRubriek[textOf(rubriek).toLowerCase()] ?? fallback ?? 'other';
}

/** The wijk of a buurt, the gemeente of a wijk or postcode area: from the properties when given, else from the code. */
function parentCode(code: string, level: AreaLevel, properties: Record<string, unknown>): string | null {
  const givenWijk = textOf(properties.wijkcode);
  const givenGemeente = textOf(properties.gemeentecode);
  switch (level) {
    case 'buurt':
      return givenWijk ? normaliseCode(givenWijk) : /^BU\d{8}$/.test(code) ? `WK${code.slice(2, 8)}` : null;
    case 'wijk':
      return givenGemeente ? gemeenteCode(givenGemeente) : /^WK\d{6}$/.test(code) ? `GM${code.slice(2, 6)}` : null;
    case 'pc4':
      return givenGemeente ? gemeenteCode(givenGemeente) : null;
    default:
      return null;
  }
}

function isSurface(geometry: Geometry): geometry is Polygon | MultiPolygon {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}
