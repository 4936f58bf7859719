import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { changedTexts, historyFieldKeys, historyOperationKey } from './history';
import type { ChangeOperation } from './types';

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

const operations: ChangeOperation[] = ['add', 'edit', 'archive', 'restore', 'approve', 'reject', 'hide', 'undo'];
const fields = ['name', 'description', 'category', 'dimensions', 'geometry', 'kind', 'status', 'moderation_note', 'source', 'source_id'];

describe('a history entry in words', () => {
  it('names the changed fields once each, the name first, and leaves out fields it has no word for', () => {
    expect(historyFieldKeys(['description', 'name'])).toEqual(['history.field.name', 'history.field.description']);
    expect(historyFieldKeys(['source', 'source_id', 'created_by'])).toEqual(['history.field.source']);
  });

  it.each(operations)('says what %s did in Dutch and English', (operation) => {
    const key = historyOperationKey(operation);
    expect(typeof lookup(nl, key)).toBe('string');
    expect(typeof lookup(en, key)).toBe('string');
  });

  it('has a Dutch and an English word for every field', () => {
    for (const key of historyFieldKeys([...fields, 'attribution', 'body', 'author_name'])) {
      expect(typeof lookup(nl, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});

describe('what a change did to the texts', () => {
  it('shows the old and the new value of each changed text field', () => {
    const entry = {
      operation: 'edit' as const,
      old_values: { name: 'Moestuin Zwanenpad', dimensions: ['meedoen'] },
      new_values: { name: 'Buurtmoestuin Zwanenpad', dimensions: [] },
    };
    expect(changedTexts(entry)).toEqual([
      { labelKey: 'history.field.name', before: 'Moestuin Zwanenpad', after: 'Buurtmoestuin Zwanenpad' },
    ]);
  });

  it('shows nothing for an add, and shortens long texts', () => {
    expect(changedTexts({ operation: 'add', old_values: null, new_values: { name: 'Buurthuis' } })).toEqual([]);
    const long = 'a'.repeat(300);
    const [change] = changedTexts({ operation: 'edit', old_values: { description: '' }, new_values: { description: long } });
    expect(change!.after).toHaveLength(120);
    expect(change!.after.endsWith('…')).toBe(true);
    expect(change!.before).toBe('');
  });
});
