import { describe, expect, it } from 'vitest';
import { toApiError } from '../apiError';
import { databaseErrorFields, databaseErrorFromFields } from './workerErrors';

describe('database errors across the worker boundary', () => {
  it('keeps SQLSTATE and detail through structured cloning, so a refusal is still explained', () => {
    const original = Object.assign(new Error('name is required'), { code: 'WKREQ', detail: 'name' });
    const cloned = structuredClone(databaseErrorFields(original));
    expect(toApiError(databaseErrorFromFields(cloned))).toMatchObject({
      kind: 'required',
      code: 'WKREQ',
      detail: 'name',
      message: 'name is required',
    });
  });

  it('shows why the fields are needed: a cloned Error loses its code', () => {
    const original = Object.assign(new Error('name is required'), { code: 'WKREQ' });
    expect(toApiError(structuredClone(original)).kind).toBe('unknown');
  });

  it('handles errors without code and thrown non-errors', () => {
    expect(databaseErrorFromFields(databaseErrorFields(new Error('boom')))).toMatchObject({ message: 'boom' });
    expect(databaseErrorFields('plain text').message).toBe('plain text');
  });
});
