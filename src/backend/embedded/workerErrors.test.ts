import { describe, expect, it } from 'vitest';
import { toApiError } from '../apiError';
import { packDatabaseError, unpackDatabaseError } from './workerErrors';

// What crosses the worker boundary: only the message survives structured cloning.
const throughWorker = (error: Error) => new Error(error.message);

describe('database errors across the worker boundary', () => {
  it('keeps SQLSTATE and detail, so a refusal is still explained', () => {
    const original = Object.assign(new Error('name is required'), { code: 'WKREQ', detail: 'name' });
    const restored = unpackDatabaseError(throughWorker(packDatabaseError(original)));
    expect(toApiError(restored)).toMatchObject({ kind: 'required', code: 'WKREQ', detail: 'name', message: 'name is required' });
  });

  it('leaves errors that were not packed alone', () => {
    const plain = new Error('Leader changed');
    expect(unpackDatabaseError(plain)).toBe(plain);
    expect(toApiError(unpackDatabaseError(plain)).kind).toBe('unknown');
  });

  it('survives an error without code', () => {
    const restored = unpackDatabaseError(throughWorker(packDatabaseError(new Error('boom'))));
    expect(restored).toMatchObject({ message: 'boom' });
    expect((restored as { code?: string }).code).toBeUndefined();
  });
});
