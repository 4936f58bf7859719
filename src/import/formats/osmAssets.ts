import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import type { Feature, Geometry, Position } from 'geojson';
import osmtogeojson from 'osmtogeojson';
import type { AssetImportRow } from '../../backend/wireTypes';
import { buildAssetPlan, type Draft } from '../buildPlan';
import { kindForGeometry } from '../kindForGeometry';
import { mapOsmTags } from '../osmTagMapping';
import { ImportFileError, type AssetPlan, type RowIssue } from '../types';
import { readJsonGeometry } from './jsonGeometry';

/**
 * OpenStreetMap objects as Wijkkracht assets. Three inputs, told apart by the
 * text itself: Overpass JSON (`{"elements": [...]}`), OSM XML (`<osm>`, as the
 * OSM website's export and .osm.gz extracts) and GeoJSON whose features carry
 * OSM tags (osmium, ogr2ogr, overpass turbo, osmtogeojson). The first two go
 * through osmtogeojson, so their geometry is what osmtogeojson makes: a point
 * per node, a line or polygon per way, a multipolygon per area relation.
 *
 * Which objects become which category is decided in osmTagMapping.ts. Every
 * object keeps its OSM id ("node/123") as source_id, so a later import of a
 * newer extract updates the same assets instead of adding them again.
 */

const osmAttribution = '© OpenStreetMap-bijdragers (ODbL)';

/** One OSM object as a reader found it, before it is mapped to an asset. */
interface OsmObject {
  row: number;
  sourceId: string | null;
  tags: Record<string, string>;
  /** 'broken': the file's geometry could not be read (GeoJSON only; osmtogeojson builds its own). */
  geometry: Geometry | null | 'broken';
  /** osmium writes a closed way twice, as its outline and as its area; this is the outline. */
  outlineOfArea?: boolean;
}

export function osmAssetPlan(text: string): AssetPlan {
  const drafts = readOsmAssets(text);
  return buildAssetPlan({ source: 'osm', attribution: osmAttribution, totalRows: drafts.length, drafts });
}

export function readOsmAssets(text: string): Draft<AssetImportRow>[] {
  return readOsmObjects(text).map(draftFromObject);
}

/** Cheap format detection on the first 4 KB: an <osm> document, Overpass JSON, or GeoJSON with OSM ids or tags. */
export function looksLikeOsm(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<osm[\s>]/.test(head)) return true;
  if (/^\s*\{/.test(head) && /"elements"\s*:\s*\[/.test(head)) return true;
  if (!/"type"\s*:\s*"Feature/.test(head)) return false;
  const osmStyleId = /"(?:id|@id|osm_id)"\s*:\s*"(?:(?:node|way|relation)\/|[nwra])\d+"/;
  const osmTagKey = /"(?:amenity|leisure|healthcare|club|landuse|route)"\s*:\s*"/;
  return osmStyleId.test(head) || osmTagKey.test(head);
}

function readOsmObjects(text: string): OsmObject[] {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const document = parseXml(text);
    if (document.documentElement?.nodeName !== 'osm') throw new ImportFileError('import.file.not_osm');
    return objectsFromConverted(convertOsm(document));
  }
  if (!start.startsWith('{')) throw new ImportFileError('import.file.not_osm');
  const document = parseJson(text);
  if (Array.isArray(document.elements)) return objectsFromConverted(convertOsm(document));
  const features = geoJsonFeatures(document);
  if (!features) throw new ImportFileError('import.file.not_osm');
  const objects = objectsFromGeoJson(features);
  // GeoJSON of something else (addresses, boundaries) has neither OSM ids nor tags we know.
  if (!objects.some((object) => object.sourceId !== null || mapOsmTags(object.tags))) {
    throw new ImportFileError('import.file.not_osm');
  }
  return objects;
}

function draftFromObject(object: OsmObject): Draft<AssetImportRow> {
  const { row, tags, geometry } = object;
  const name = (tags.name ?? tags['name:nl'] ?? '').trim();
  const label = name || object.sourceId || undefined;
  const refuse = (severity: RowIssue['severity'], key: string, params?: RowIssue['params']): Draft<AssetImportRow> => ({
    row,
    value: null,
    issues: [{ row, severity, key, ...(label ? { label } : {}), ...(params ? { params } : {}) }],
  });
  if (object.outlineOfArea) return refuse('skip', 'import.row.osm_area_outline');
  const mapping = mapOsmTags(tags);
  if (!mapping) return refuse('skip', 'import.row.no_category');
  if (geometry === 'broken') return refuse('error', 'import.row.broken_geometry');
  if (!geometry) return refuse('error', 'import.row.no_geometry');
  const kind = kindForGeometry(geometry);
  if (!kind) return refuse('error', 'import.row.unsupported_geometry', { type: geometry.type });
  return {
    row,
    issues: [],
    value: {
      row,
      kind,
      category: mapping.category,
      dimensions: mapping.dimensions,
      name: name || `${mapping.noun} (zonder naam)`,
      description: describeTags(tags),
      geometry,
      source_id: object.sourceId,
    },
  };
}

/** A short Dutch line from the tags a visitor wants to know; plain text, never markup. */
function describeTags(tags: Record<string, string>): string {
  const plain = (value: string) => value.replace(/[<>]/g, '').trim();
  const parts: string[] = [];
  const street = tags['addr:street'];
  if (street) parts.push(plain([street, tags['addr:housenumber']].filter(Boolean).join(' ')));
  if (tags.opening_hours) parts.push(`Open: ${plain(tags.opening_hours)}`);
  const wheelchair = { yes: 'Rolstoeltoegankelijk', limited: 'Beperkt rolstoeltoegankelijk', no: 'Niet rolstoeltoegankelijk' }[
    tags.wheelchair ?? ''
  ];
  if (wheelchair) parts.push(wheelchair);
  if (tags.operator && tags.operator !== tags.name) parts.push(`Beheerd door ${plain(tags.operator)}`);
  return parts.length === 0 ? '' : `${parts.join('. ')}.`;
}

// ---------------------------------------------------------------------------
// OSM XML and Overpass JSON, through osmtogeojson
// ---------------------------------------------------------------------------

/**
 * The browser's own parser where there is one: osmtogeojson recognises an XML
 * document there with `instanceof XMLDocument`, which an xmldom document is not.
 * In Node (tests, the CLI) there is no DOMParser, so xmldom stands in.
 */
function parseXml(text: string): { documentElement: { nodeName: string } | null } {
  if (typeof globalThis.DOMParser === 'function') {
    const document = new globalThis.DOMParser().parseFromString(text, 'text/xml');
    const parserError = document.getElementsByTagName('parsererror')[0];
    if (parserError) {
      // Chromium wraps the message in headings ("This page contains the following errors"); the <div> holds the message.
      const message = parserError.querySelector('div')?.textContent ?? parserError.textContent ?? '';
      throw new ImportFileError('import.file.broken_xml', { detail: firstLine(message) });
    }
    return document;
  }
  // xmldom goes on after an error such as a truncated file; stop at the first one instead.
  let firstError = '';
  const parser = new XmlDomParser({
    onError: (level, message) => {
      if (level === 'warning') return;
      firstError ||= message;
      throw new Error(message);
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new ImportFileError('import.file.broken_xml', { detail: firstLine(firstError || String(error)) });
  }
}

function firstLine(message: string): string {
  return message.trim().split('\n')[0]!.slice(0, 200);
}

/**
 * osmtogeojson trusts its input: an element that is null, or a relation whose
 * members are not a list, makes it throw a TypeError. Such a file is refused
 * with a message instead.
 */
function convertOsm(document: object): osmtogeojson.OsmFeatureCollection {
  try {
    return osmtogeojson(document);
  } catch {
    throw new ImportFileError('import.file.broken_osm');
  }
}

function objectsFromConverted(collection: osmtogeojson.OsmFeatureCollection): OsmObject[] {
  const features = [...collection.features, ...routeRelations(collection.features)];
  return features.map((feature, index) => ({
    row: index + 1,
    sourceId: feature.id,
    tags: feature.properties.tags ?? {},
    geometry: feature.geometry,
  }));
}

/**
 * osmtogeojson 2.2 turns only area relations into features; a walking route is
 * a relation of ways, so it is assembled here from its member ways, which
 * osmtogeojson did convert and marked with the relations they belong to.
 */
function routeRelations(features: osmtogeojson.OsmFeature[]): osmtogeojson.OsmFeature[] {
  const routes = new Map<string, { tags: Record<string, string>; lines: Position[][]; wayIds: Set<string> }>();
  for (const feature of features) {
    const line = lineOf(feature.geometry);
    if (!line) continue;
    for (const membership of feature.properties.relations ?? []) {
      const tags = membership.reltags;
      if (tags?.type !== 'route' || !mapOsmTags(tags)) continue;
      const id = String(membership.rel);
      const route = routes.get(id) ?? { tags, lines: [], wayIds: new Set<string>() };
      routes.set(id, route);
      // A way can be listed twice in one route (there and back); draw it once.
      if (route.wayIds.has(feature.id)) continue;
      route.wayIds.add(feature.id);
      route.lines.push(line);
    }
  }
  return [...routes].map(([id, route]) => ({
    type: 'Feature',
    id: `relation/${id}`,
    properties: { type: 'relation', id, tags: route.tags, relations: [], meta: {} },
    geometry: { type: 'MultiLineString', coordinates: route.lines },
  }));
}

/** The line a member way draws: the way itself, or the outline of a closed way osmtogeojson made a polygon. */
function lineOf(geometry: Geometry | null): Position[] | null {
  if (geometry?.type === 'LineString') return geometry.coordinates;
  if (geometry?.type === 'Polygon') return geometry.coordinates[0] ?? null;
  return null;
}

// ---------------------------------------------------------------------------
// GeoJSON with OSM tags
// ---------------------------------------------------------------------------

function parseJson(text: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('import.file.broken_json', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ImportFileError('import.file.not_osm');
  }
  return document as Record<string, unknown>;
}

function geoJsonFeatures(document: Record<string, unknown>): Feature[] | null {
  if (document.type === 'FeatureCollection' && Array.isArray(document.features)) return document.features as Feature[];
  if (document.type === 'Feature') return [document as unknown as Feature];
  return null;
}

/** Properties that say which OSM object a feature is, not what it is; they are not tags. */
const idProperties = new Set(['id', 'osm_id', 'osm_type', 'osm_way_id', 'tags', 'relations', 'meta']);

function objectsFromGeoJson(features: Feature[]): OsmObject[] {
  const objects = features.map((feature, index): OsmObject & { fromOsmiumArea: boolean } => {
    const properties = (feature?.properties ?? {}) as Record<string, unknown>;
    const found = osmIdOf(feature, properties);
    return {
      row: index + 1,
      sourceId: found?.sourceId ?? null,
      fromOsmiumArea: found?.fromOsmiumArea ?? false,
      tags: tagsOf(properties),
      geometry: readJsonGeometry(feature?.geometry),
    };
  });
  const areaIds = new Set(objects.filter((object) => object.fromOsmiumArea).map((object) => object.sourceId));
  return objects.map(({ fromOsmiumArea, ...object }) => ({
    ...object,
    outlineOfArea: !fromOsmiumArea && object.sourceId !== null && areaIds.has(object.sourceId),
  }));
}

/** Tags flat in the properties (osmium, ogr2ogr, overpass turbo), or under `tags` (osmtogeojson without flatProperties). */
function tagsOf(properties: Record<string, unknown>): Record<string, string> {
  const nested = properties.tags;
  const source = typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : properties;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (source === properties && (idProperties.has(key) || key.startsWith('@'))) continue;
    if (typeof value === 'string') tags[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') tags[key] = String(value);
  }
  return tags;
}

function osmIdOf(feature: Feature, properties: Record<string, unknown>) {
  return (
    normaliseOsmId(feature?.id) ??
    normaliseOsmId(properties['@id']) ??
    // ogr2ogr's OSM driver: closed ways as polygons carry osm_way_id; other layers a bare osm_id
    // whose type follows from the layer: points are nodes, lines ways, multipolygons relations.
    normaliseOsmId(properties.osm_way_id, 'way') ??
    normaliseOsmId(properties.osm_id, properties.osm_type ?? ogrLayerType(feature?.geometry?.type)) ??
    normaliseOsmId(properties.id, properties.type)
  );
}

function ogrLayerType(geometryType: string | undefined): string | undefined {
  if (geometryType === 'Point') return 'node';
  if (geometryType === 'LineString' || geometryType === 'MultiLineString') return 'way';
  if (geometryType === 'MultiPolygon') return 'relation';
  return undefined;
}

const osmTypes: Record<string, string> = { n: 'node', w: 'way', r: 'relation', node: 'node', way: 'way', relation: 'relation' };

/**
 * "node/123" from the ways tools write OSM ids: "node/123" (osmtogeojson,
 * overpass turbo), "n123" (osmium), or a number with a separate type. osmium
 * also writes areas as "a" + (2 × way id) or (2 × relation id + 1).
 */
export function normaliseOsmId(value: unknown, typeHint?: unknown): { sourceId: string; fromOsmiumArea: boolean } | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const written = /^(node|way|relation|[nwr])\/?(\d+)$/i.exec(text);
  if (written) return { sourceId: `${osmTypes[written[1]!.toLowerCase()]}/${written[2]}`, fromOsmiumArea: false };
  const osmiumArea = /^a(\d+)$/.exec(text);
  if (osmiumArea) {
    const areaId = Number(osmiumArea[1]);
    const sourceId = areaId % 2 === 0 ? `way/${areaId / 2}` : `relation/${(areaId - 1) / 2}`;
    return { sourceId, fromOsmiumArea: true };
  }
  const type = typeof typeHint === 'string' ? osmTypes[typeHint.toLowerCase()] : undefined;
  if (type && /^\d+$/.test(text)) return { sourceId: `${type}/${text}`, fromOsmiumArea: false };
  return null;
}
