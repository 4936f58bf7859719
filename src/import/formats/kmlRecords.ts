import { kml } from '@tmcw/togeojson';
import { DOMParser as XmlDomParser, onErrorStopParsing, type Document as XmlDomDocument } from '@xmldom/xmldom';
import type { Geometry, LineString, Point, Polygon } from 'geojson';
import { ImportFileError, type SourceRecord } from '../types';
import { flattenToTwoDimensions } from './geojsonRecords';

/** The browser's DOMParser, or xmldom's in Node (tests, the CLI). */
export interface DOMParserLike {
  parseFromString(text: string, mimeType: 'text/xml'): Document | XmlDomDocument;
}

/**
 * The Placemarks of a KML file (Google My Maps, Google Earth) as records in
 * WGS84, the coordinate system KML always uses. Altitudes are dropped and
 * multi-geometries of one kind become one Multi* geometry.
 */
export function readKmlRecords(text: string, parser: DOMParserLike = defaultParser()): { columns: string[]; records: SourceRecord[] } {
  let document: Document | XmlDomDocument;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch {
    throw new ImportFileError('import.file.broken_xml');
  }
  // Browsers do not throw: they return a document holding a <parsererror> element.
  if (document.getElementsByTagName('parsererror').length > 0) throw new ImportFileError('import.file.broken_xml');
  if (document.documentElement?.localName !== 'kml') throw new ImportFileError('import.file.not_kml');

  const columns = new Set<string>();
  const records = kml(document).features.map((feature, index): SourceRecord => {
    const properties: Record<string, unknown> = { ...feature.properties };
    if ('description' in properties) properties.description = plainDescription(properties.description);
    if (feature.id !== undefined && !('id' in properties)) properties.id = feature.id;
    for (const key of Object.keys(properties)) columns.add(key);
    const geometry = feature.geometry ? flattenToTwoDimensions(joinParts(feature.geometry)) : null;
    return { row: index + 1, properties, geometry };
  });
  return { columns: [...columns], records };
}

function defaultParser(): DOMParserLike {
  if (typeof globalThis.DOMParser === 'function') return new globalThis.DOMParser();
  // Stop on errors (an unknown entity, say) as a browser would, instead of logging them and going on.
  return new XmlDomParser({ onError: onErrorStopParsing });
}

/**
 * A MultiGeometry as the one geometry it stands for. togeojson flattens nested
 * MultiGeometries and unwraps a lone part itself, but makes a GeometryCollection
 * of several parts. Parts of mixed kinds stay a collection, which the row
 * checks refuse.
 */
function joinParts(geometry: Geometry): Geometry {
  if (geometry.type !== 'GeometryCollection') return geometry;
  const types = new Set(geometry.geometries.map((part) => part.type));
  const [type] = types;
  if (types.size !== 1 || (type !== 'Point' && type !== 'LineString' && type !== 'Polygon')) return geometry;
  const coordinates = geometry.geometries.map((part) => (part as Point | LineString | Polygon).coordinates);
  return { type: `Multi${type}`, coordinates } as Geometry;
}

/**
 * togeojson hands a CDATA description over as { '@type': 'html', value }, as
 * Google My Maps writes it. Keep its text: line breaks stay, tags go (markup
 * would have the row refused). Entities are left as they are, so no tag can
 * come back.
 */
function plainDescription(description: unknown): unknown {
  const html = description as { '@type'?: unknown; value?: unknown } | null;
  if (html?.['@type'] !== 'html' || typeof html.value !== 'string') return description;
  return html.value
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}
