import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorKinds } from '../domain/errorKinds';
import { en } from './en';
import { nl } from './nl';

// Importers and exporters name their messages as string keys ('import.row.empty_name');
// a key without a text would show the key itself to a resident.
const sourceRoot = join(import.meta.dirname, '..');
const keyPattern = /'((?:import|export|firstRun|errors)\.[a-z_]+(?:\.[a-z_0-9]+)*)'/gi;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function lookup(messages: unknown, key: string): unknown {
  const find = (path: string) =>
    path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  // i18next picks key_one / key_other by `count`; both must exist then.
  const plural = typeof find(`${key}_one`) === 'string' && typeof find(`${key}_other`) === 'string';
  return plural ? 'plural forms' : find(key);
}

const usedKeys = [
  ...new Set(
    [...sourceFiles(sourceRoot), join(sourceRoot, '..', 'cli', 'import.ts')].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(keyPattern)].map((match) => match[1]!),
    ),
  ),
];

describe('every message key the code names has a Dutch and an English text', () => {
  it.each(apiErrorKinds)('errors.%s (every kind of API error can be explained)', (kind) => {
    expect(typeof lookup(nl, `errors.${kind}`)).toBe('string');
    expect(typeof lookup(en, `errors.${kind}`)).toBe('string');
  });
  it('finds the keys it checks', () => {
    expect(usedKeys).toContain('import.row.empty_name');
    expect(usedKeys.length).toBeGreaterThan(40);
  });
  it.each(usedKeys)('%s', (key) => {
    expect(typeof lookup(nl, key), `nl: ${key}`).toBe('string');
    expect(typeof lookup(en, key), `en: ${key}`).toBe('string');
  });
});
