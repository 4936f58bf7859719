import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveHeaderBytes, checkArchiveHeader, maxArchiveBytes } from './archiveHeader';

/** A v3 header as `pmtiles` writes it: magic, version, tile type at 99, zooms at 100/101, bounds in 1e-7 degrees. */
function header({ version = 3, tileType = 1, text = 'PMTiles' } = {}): ArrayBuffer {
  const bytes = new Uint8Array(archiveHeaderBytes);
  bytes.set([...text].map((character) => character.charCodeAt(0)));
  const view = new DataView(bytes.buffer);
  view.setUint8(7, version);
  view.setUint8(99, tileType);
  view.setUint8(100, 12);
  view.setUint8(101, 16);
  [4.8826135, 52.3596702, 4.9220142, 52.3803491].forEach((degrees, index) =>
    view.setInt32(102 + index * 4, Math.round(degrees * 1e7), true),
  );
  return bytes.buffer;
}

describe('checkArchiveHeader', () => {
  it('accepts a PMTiles v3 vector archive and reads its zooms and bounds', () => {
    expect(checkArchiveHeader(header(), 394_638)).toEqual({
      ok: true,
      minZoom: 12,
      maxZoom: 16,
      bounds: [4.8826135, 52.3596702, 4.9220142, 52.3803491],
    });
  });

  it('refuses what is not a PMTiles v3 vector archive, with the reason', () => {
    expect(checkArchiveHeader(header({ text: 'SQLite ' }), 1000)).toEqual({ ok: false, reason: 'notPmtiles' });
    expect(checkArchiveHeader(new ArrayBuffer(20), 20)).toEqual({ ok: false, reason: 'notPmtiles' });
    expect(checkArchiveHeader(header({ version: 2 }), 1000)).toEqual({ ok: false, reason: 'oldVersion' });
    // PNG raster tiles: the app draws vector basemaps only.
    expect(checkArchiveHeader(header({ tileType: 2 }), 1000)).toEqual({ ok: false, reason: 'notVector' });
  });

  it('refuses an empty file and one over 500 MB before reading it', () => {
    expect(checkArchiveHeader(new ArrayBuffer(0), 0)).toEqual({ ok: false, reason: 'empty' });
    expect(checkArchiveHeader(header(), maxArchiveBytes + 1)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(checkArchiveHeader(header(), maxArchiveBytes).ok).toBe(true);
  });

  // ../shared/data is read in place, never copied; the e2e spec requires it, the unit tests do not.
  const testRegion = new URL('../../../shared/data/basemap/amsterdam_centre_osm.pmtiles', import.meta.url);
  it.skipIf(!existsSync(testRegion))('accepts the test region file in ../shared/data', () => {
    const bytes = readFileSync(testRegion);
    const start = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + archiveHeaderBytes);
    expect(checkArchiveHeader(start, bytes.length)).toMatchObject({ ok: true, minZoom: 12, maxZoom: 16 });
  });
});
