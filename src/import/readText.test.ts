import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importLimits } from './limits';
import { firstInvalidUtf8Offset, readText } from './readText';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('reading a file as text', () => {
  it('finds the first byte that is not UTF-8, also right after a multi-byte letter', () => {
    const cafe = new TextEncoder().encode('Café ');
    expect(firstInvalidUtf8Offset(cafe)).toBe(cafe.length);
    expect(firstInvalidUtf8Offset(new Uint8Array([...cafe, 0xe9, 0x41]))).toBe(cafe.length);
    expect(firstInvalidUtf8Offset(bytes(0xc0, 0x80))).toBe(0); // overlong
    expect(firstInvalidUtf8Offset(bytes(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xe2, 0x82))).toBe(1); // cut off
  });

  // Packs and unpacks 50 MB: seconds of work on a shared two-core machine, more than the unit tests' 5 s default.
  it('gunzips, and stops a small .gz that unpacks beyond the size limit', { timeout: 60_000 }, async () => {
    expect(await readText(gzipSync(Buffer.from('naam\nHé')))).toBe('naam\nHé');
    const bomb = gzipSync(Buffer.alloc(importLimits.maxFileBytes + 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(100_000);
    await expect(readText(bomb)).rejects.toMatchObject({ key: 'import.file.too_large' });
  });
});
