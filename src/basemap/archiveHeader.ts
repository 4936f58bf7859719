/**
 * Is a file a basemap the app can draw? PMTiles v3 starts with a fixed
 * 127-byte header (github.com/protomaps/PMTiles, spec/v3): "PMTiles", the
 * version byte, offsets, then at byte 99 the tile type (1 = Mapbox Vector
 * Tiles). Checked here before anything is stored, from the first bytes and
 * the size alone, so a wrong file is refused with a reason and never kept.
 */

/** Larger files are refused: a region file for a few municipalities is tens of MB; storage on a phone is finite. */
export const maxArchiveBytes = 500 * 1024 * 1024;

/** How many bytes of the file the check reads. */
export const archiveHeaderBytes = 127;

export type ArchiveRefusal = 'empty' | 'tooLarge' | 'notPmtiles' | 'oldVersion' | 'notVector';

export type ArchiveCheck =
  { ok: true; minZoom: number; maxZoom: number; bounds: [number, number, number, number] } | { ok: false; reason: ArchiveRefusal };

const magic = 'PMTiles';
const mapboxVectorTiles = 1;

export function checkArchiveHeader(header: ArrayBuffer, fileSize: number): ArchiveCheck {
  if (fileSize === 0) return { ok: false, reason: 'empty' };
  if (fileSize > maxArchiveBytes) return { ok: false, reason: 'tooLarge' };
  if (header.byteLength < archiveHeaderBytes) return { ok: false, reason: 'notPmtiles' };
  const view = new DataView(header);
  const start = String.fromCharCode(...new Uint8Array(header, 0, magic.length));
  if (start !== magic) return { ok: false, reason: 'notPmtiles' };
  // Versions 1 and 2 had another layout; the pmtiles reader reads v3 only.
  if (view.getUint8(7) !== 3) return { ok: false, reason: 'oldVersion' };
  if (view.getUint8(99) !== mapboxVectorTiles) return { ok: false, reason: 'notVector' };
  const degrees = (offset: number) => view.getInt32(offset, true) / 1e7;
  return {
    ok: true,
    minZoom: view.getUint8(100),
    maxZoom: view.getUint8(101),
    bounds: [degrees(102), degrees(106), degrees(110), degrees(114)],
  };
}
