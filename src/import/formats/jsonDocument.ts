import type { Feature } from 'geojson';
import { ImportFileError } from '../types';

/**
 * JSON as the format modules read it: a byte-order mark (Excel, Windows tools)
 * is dropped, and broken JSON becomes the user's message with the parser's detail.
 */
export function parseJsonDocument(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError('import.file.broken_json', { detail: error instanceof Error ? error.message : String(error) });
  }
}

/** The features of a FeatureCollection, or a single Feature as one; anything else is not GeoJSON. */
export function featuresOfCollection(document: unknown): Feature[] {
  const object = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) return object.features as Feature[];
  if (object.type === 'Feature') return [object as unknown as Feature];
  throw new ImportFileError('import.file.not_geojson');
}

/** A JSON object, as opposed to an array, a value or null. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
