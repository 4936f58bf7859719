import type { ApiErrorKind } from './errorKinds';

/**
 * What the user was doing when a refusal came: the same refusal can mean
 * something else there (a stale version while undoing means a later change
 * is in the way, not that someone else edited at the same moment).
 */
export type ErrorContext = 'edit' | 'undo';

// Refusals whose DETAIL (the field or reason the SQL function named) has a sentence of its own.
const keyByDetail: Partial<Record<ApiErrorKind, Record<string, string>>> = {
  required: {
    name: 'errors.required_name',
    story: 'errors.required_story',
    reason: 'errors.required_reason',
  },
  duplicate: {
    report: 'errors.duplicate_report',
    name: 'errors.duplicate_name',
  },
  invalid_argument: {
    status: 'errors.invalid_status',
    area_codes: 'errors.invalid_area_codes',
    circle_consent: 'errors.circle_consent',
    contact_details: 'errors.contact_details',
    circle_kind: 'errors.circle_kind',
    circle_category: 'errors.circle_category',
    circle_undo: 'errors.circle_undo',
    photo_type: 'errors.photo_type',
    photo_too_large: 'errors.photo_too_large',
    photo_size: 'errors.photo_size',
    photo_limit: 'errors.photo_limit',
    photo_quota: 'errors.photo_quota',
    photo_file: 'errors.photo_file',
    circle_photo: 'errors.circle_photo',
    snapshot_note: 'errors.snapshot_note',
    snapshot_limit: 'errors.snapshot_limit',
    snapshot_monthly: 'errors.snapshot_monthly',
    snapshot_werkgebied: 'errors.snapshot_werkgebied',
    target_group_name: 'errors.target_group_name',
  },
  join_refused: {
    unknown_code: 'errors.join_unknown_code',
    expired: 'errors.join_expired',
    locked: 'errors.join_locked',
    too_many_attempts: 'errors.join_too_many_attempts',
  },
  not_found: {
    area: 'errors.not_found_area',
    story: 'errors.not_found_story',
    photo: 'errors.not_found_photo',
    werkgebied: 'errors.not_found_werkgebied',
    action: 'errors.not_found_action',
    change: 'errors.not_found_change',
    snapshot: 'errors.not_found_snapshot',
    target_group: 'errors.not_found_target_group',
  },
};

const keyByContext: Record<ErrorContext, Partial<Record<ApiErrorKind, string>>> = {
  edit: { stale_version: 'errors.stale_edit' },
  undo: { stale_version: 'errors.stale_undo' },
};

/** The i18n key that explains an API refusal to a resident, in plain words. */
export function errorMessageKey(error: { kind: ApiErrorKind; detail?: string | null }, context?: ErrorContext): string {
  const inContext = context && keyByContext[context][error.kind];
  if (inContext) return inContext;
  const byDetail = error.detail ? keyByDetail[error.kind]?.[error.detail] : undefined;
  return byDetail ?? `errors.${error.kind}`;
}
