import { PMTiles, type Source } from 'pmtiles';
import { archiveHeaderBytes, checkArchiveHeader, type ArchiveRefusal } from './archiveHeader';

/** Which tile schema a stored archive follows, and so which style draws it. */
export type BasemapSchema = 'protomaps' | 'osm-layers';

/** A basemap file kept on this device, with what was learnt from it when it was loaded. */
export interface StoredBasemap {
  /** Changes with every file loaded, so tiles of an earlier file are never reused. */
  key: string;
  file: Blob;
  fileName: string;
  storedAt: string;
  schema: BasemapSchema;
  /** Plain text, as the archive's metadata says it (HTML tags taken out). */
  attribution: string;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
}

export class BasemapFileError extends Error {
  constructor(readonly reason: ArchiveRefusal | 'unknownLayers' | 'unreadable') {
    super(`basemap file refused: ${reason}`);
  }
}

/** A PMTiles source over a Blob: ranges are sliced from it as MapLibre asks for tiles, the file is never read whole. */
export class BlobSource implements Source {
  constructor(
    private readonly key: string,
    private readonly blob: Blob,
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

// Used when the archive names no one; every extract the README describes is OpenStreetMap data.
const defaultAttribution = '© OpenStreetMap contributors (ODbL)';

/** The metadata's attribution as text: Protomaps builds write HTML links, which the map shows as the app's own escaped credit. */
export function attributionText(value: unknown): string {
  if (typeof value !== 'string') return defaultAttribution;
  const text = value
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || defaultAttribution;
}

/** Protomaps' schema has `earth`; the plain OSM export (the Amsterdam test file) has `roads` with `highway`. */
export function schemaOf(layerIds: string[]): BasemapSchema | null {
  if (layerIds.includes('earth')) return 'protomaps';
  if (layerIds.includes('roads')) return 'osm-layers';
  return null;
}

/** Checks a chosen file and reads what the map needs from it; throws BasemapFileError with the reason. */
export async function readBasemapFile(file: File, now: Date = new Date()): Promise<StoredBasemap> {
  const check = checkArchiveHeader(await file.slice(0, archiveHeaderBytes).arrayBuffer(), file.size);
  if (!check.ok) throw new BasemapFileError(check.reason);
  const key = `stored-${now.getTime()}`;
  let metadata: { vector_layers?: { id?: unknown }[]; attribution?: unknown };
  try {
    metadata = (await new PMTiles(new BlobSource(key, file)).getMetadata()) as typeof metadata;
  } catch {
    throw new BasemapFileError('unreadable');
  }
  const layerIds = (metadata.vector_layers ?? []).map((layer) => String(layer.id));
  const schema = schemaOf(layerIds);
  if (!schema) throw new BasemapFileError('unknownLayers');
  return {
    key,
    file,
    fileName: file.name,
    storedAt: now.toISOString(),
    schema,
    attribution: attributionText(metadata.attribution),
    minZoom: check.minZoom,
    maxZoom: check.maxZoom,
    bounds: check.bounds,
  };
}
