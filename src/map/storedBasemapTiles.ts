import type { AddProtocolAction } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { BlobSource, type StoredBasemap } from '../basemap/storedBasemap';

/** Tiles of a stored basemap (`pmtiles://<key>/{z}/{x}/{y}`, baseStyle.ts) are read from the stored file. Loaded when the first is asked for. */
const protocol = new Protocol();

/** Before its source is added: an unknown key would be taken for a URL and fetched. */
export function registerStoredArchive(basemap: StoredBasemap): void {
  if (!protocol.get(basemap.key)) protocol.add(new PMTiles(new BlobSource(basemap.key, basemap.file)));
}

/** The handler WijkMap gives `addProtocol`. */
export const storedBasemapTile = protocol.tilev4 as AddProtocolAction;
