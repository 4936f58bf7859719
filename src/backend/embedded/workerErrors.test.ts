import { describe, expect, it } from 'vitest';
import { toApiError } from '../apiError';
import { packDatabaseError, unpackDatabaseError } from './workerErrors';

/** What PGlite's multi-tab worker sends a tab for a failed statement, and what the tab makes of it. */
function acrossTabs(error: Error): unknown {
  const sent = structuredClone({ message: error.message });
  return unpackDatabaseError(Object.assign(new Error(sent.message), sent));
}

describe('database errors from the leader tab', () => {
  it('keep SQLSTATE and detail, so a refusal is still explained', () => {
    const refusal = Object.assign(new Error('name is required'), { code: 'WKREQ', detail: 'name' });
    expect(toApiError(acrossTabs(packDatabaseError(refusal)))).toMatchObject({
      kind: 'required',
      code: 'WKREQ',
      detail: 'name',
      message: 'name is required',
    });
  });

  it('shows why they are packed: the message alone loses the code', () => {
    const refusal = Object.assign(new Error('unknown category'), { code: 'WKCAT' });
    expect(toApiError(acrossTabs(refusal)).kind).toBe('unknown');
  });

  it('leave other errors as they are', () => {
    const other = new Error('Leader changed');
    expect(unpackDatabaseError(other)).toBe(other);
    expect(unpackDatabaseError('plain text')).toBe('plain text');
  });
});
