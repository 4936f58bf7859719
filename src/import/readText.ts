import { importLimits } from './limits';
import { ImportFileError } from './types';

const gzipMagic = [0x1f, 0x8b];

/**
 * The bytes of an uploaded file as text: gunzipped when gzip (.osm.gz), and
 * strictly UTF-8, so that a spreadsheet saved as Windows-1252 gives a clear
 * message (with the line to look at) instead of names with broken letters.
 */
export async function readText(bytes: Uint8Array): Promise<string> {
  const plain = bytes[0] === gzipMagic[0] && bytes[1] === gzipMagic[1] ? await gunzip(bytes) : bytes;
  if (plain.byteLength > importLimits.maxFileBytes) throw tooLarge(plain.byteLength);
  try {
    // ignoreBOM: false strips a leading byte-order mark, as Excel writes one.
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new ImportFileError('import.file.not_utf8', { line: lineOf(plain, firstInvalidUtf8Offset(plain)) });
  }
}

const tooLarge = (byteLength: number) =>
  new ImportFileError('import.file.too_large', {
    megabytes: Math.round(byteLength / 1024 / 1024),
    limit: importLimits.maxFileBytes / 1024 / 1024,
  });

/** Gunzips in a stream and stops at the size limit, so a small .gz cannot fill the memory. */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      total += next.value.byteLength;
      if (total > importLimits.maxFileBytes) {
        await reader.cancel();
        throw tooLarge(total);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('import.file.broken_gzip');
  }
  const plain = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    plain.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return plain;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || (byte & 0xc0) !== 0x80) return index;
    }
    // Overlong three-byte forms, surrogates, and code points above U+10FFFF.
    const second = bytes[index + 1] ?? 0;
    if (
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second > 0x9f) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second > 0x8f)
    ) {
      return index;
    }
    index += length;
  }
  return bytes.length;
}

/** 1-based line number of a byte offset, as an editor shows it. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line += 1;
  return line;
}
