import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { errorMessageKey } from './errorMessageKey';
import type { ApiErrorKind } from './errorKinds';

const kinds: ApiErrorKind[] = [
  'invalid_geometry',
  'required',
  'unknown_category',
  'invalid_argument',
  'stale_version',
  'not_found',
  'forbidden',
  'offline',
  'unknown',
];

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('error messages', () => {
  it('name the missing field when the database says which one', () => {
    expect(errorMessageKey({ kind: 'required', detail: 'name' })).toBe('errors.required_name');
    expect(errorMessageKey({ kind: 'required', detail: 'story' })).toBe('errors.required_story');
    expect(errorMessageKey({ kind: 'required', detail: 'reason' })).toBe('errors.required_reason');
    expect(errorMessageKey({ kind: 'required', detail: 'something_else' })).toBe('errors.required');
  });

  it('tell a second report and a taken name apart from other duplicates', () => {
    expect(errorMessageKey({ kind: 'duplicate', detail: 'report' })).toBe('errors.duplicate_report');
    expect(errorMessageKey({ kind: 'duplicate', detail: 'name' })).toBe('errors.duplicate_name');
    expect(errorMessageKey({ kind: 'duplicate' })).toBe('errors.duplicate');
  });

  it('say what a stale version means for what the user was doing', () => {
    expect(errorMessageKey({ kind: 'stale_version', detail: '4' })).toBe('errors.stale_version');
    expect(errorMessageKey({ kind: 'stale_version', detail: '4' }, 'edit')).toBe('errors.stale_edit');
    expect(errorMessageKey({ kind: 'stale_version', detail: '4' }, 'undo')).toBe('errors.stale_undo');
    // A context changes only the refusals it is about.
    expect(errorMessageKey({ kind: 'forbidden' }, 'undo')).toBe('errors.forbidden');
  });

  it.each(kinds)('exist in Dutch and English for %s', (kind) => {
    const key = errorMessageKey({ kind, detail: undefined });
    expect(typeof lookup(nl, key)).toBe('string');
    expect(typeof lookup(en, key)).toBe('string');
  });
});
