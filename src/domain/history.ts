import type { ChangeOperation } from './types';

/**
 * How a history entry is told: the message key of what happened, and for an
 * edit the keys of the fields it changed ("gewijzigd: naam, beschrijving").
 * Fields the app has no word for are left out rather than shown raw.
 */
const fieldKeys: Record<string, string> = {
  name: 'history.field.name',
  description: 'history.field.description',
  category: 'history.field.category',
  dimensions: 'history.field.dimensions',
  geometry: 'history.field.geometry',
  kind: 'history.field.kind',
  status: 'history.field.status',
  moderation_note: 'history.field.moderation_note',
  source: 'history.field.source',
  source_id: 'history.field.source',
  attribution: 'history.field.attribution',
  body: 'history.field.body',
  author_name: 'history.field.author_name',
};

export function historyOperationKey(operation: ChangeOperation): string {
  return `history.operation.${operation}`;
}

const fieldOrder = Object.keys(fieldKeys);

/** The message keys of the changed fields, each once, the name first (the order of `fieldKeys`). */
export function historyFieldKeys(fields: readonly string[]): string[] {
  const known = fields.filter((field) => field in fieldKeys).sort((a, b) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b));
  return [...new Set(known.map((field) => fieldKeys[field]!))];
}

// Text fields whose old and new values a history entry shows ("naam: Moestuin → Buurtmoestuin").
const textFields = ['name', 'description', 'body', 'author_name', 'moderation_note'];
const maxShown = 120;

export interface ChangedText {
  labelKey: string;
  before: string;
  after: string;
}

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : '';
  return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
};

/** The text fields a change (not an add: everything is new then) set, with what they held before and after. */
export function changedTexts(entry: {
  operation: ChangeOperation;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown>;
}): ChangedText[] {
  if (entry.operation === 'add' || !entry.old_values) return [];
  return textFields
    .filter((field) => field in entry.new_values)
    .map((field) => ({ labelKey: fieldKeys[field]!, before: shown(entry.old_values?.[field]), after: shown(entry.new_values[field]) }));
}
