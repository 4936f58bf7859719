import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { queueStatusKey } from './moderation';
import type { AssetStatus } from './types';

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

const statuses: AssetStatus[] = ['pending', 'published', 'archived', 'rejected', 'hidden'];

describe('moderation statuses', () => {
  it('call a published item in the queue reported', () => {
    expect(queueStatusKey('published')).toBe('status.reported');
    expect(queueStatusKey('pending')).toBe('status.pending');
  });

  it.each(statuses)('have a Dutch and an English word for %s', (status) => {
    for (const key of [queueStatusKey(status), `status.${status}`]) {
      expect(typeof lookup(nl, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});
