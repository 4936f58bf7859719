import { importLimits } from './limits';
import { ImportFileError } from './types';

const gzipMagic = [0x1f, 0x8b];

/**
 * The bytes of an uploaded file as text: gunzipped when gzip (.osm.gz), and
 * strictly UTF-8, so that a spreadsheet saved as Windows-1252 gives a clear
 * message instead of names with broken letters.
 */
export async function readText(bytes: Uint8Array): Promise<string> {
  const plain = bytes[0] === gzipMagic[0] && bytes[1] === gzipMagic[1] ? await gunzip(bytes) : bytes;
  if (plain.byteLength > importLimits.maxFileBytes) {
    throw new ImportFileError('import.file.too_large', {
      megabytes: Math.round(plain.byteLength / 1024 / 1024),
      limit: importLimits.maxFileBytes / 1024 / 1024,
    });
  }
  try {
    // ignoreBOM: false strips a leading byte-order mark, as Excel writes one.
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new ImportFileError('import.file.not_utf8', { offset: firstInvalidUtf8Offset(plain) });
  }
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new ImportFileError('import.file.broken_gzip');
  }
}

/** Where the first byte that is not UTF-8 sits, so the message can point at it. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.byteLength;
  // Binary search on the longest prefix that decodes (cut at most 3 bytes into a character).
  while (high - low > 4) {
    const middle = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, middle));
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}
