import type { ApiErrorKind } from '../domain/errorKinds';
import type { RefusedRow } from './wireTypes';

/**
 * One error shape for both backends. PGlite and node-postgres throw errors with
 * `code` (SQLSTATE) and `detail`; supabase-js returns `{ code, message, details }`.
 * The SQL functions raise our own codes (see supabase/schemas/04_asset_api.sql).
 */

const kindBySqlState: Record<string, ApiErrorKind> = {
  WKGEO: 'invalid_geometry',
  WKREQ: 'required',
  WKCAT: 'unknown_category',
  WKARG: 'invalid_argument',
  WKVER: 'stale_version',
  WK404: 'not_found',
  WKIMP: 'import_refused',
  WKDUP: 'duplicate',
  '42501': 'forbidden', // insufficient_privilege: RLS or a missing grant
  '23514': 'invalid_argument', // check_violation: a table constraint caught it
};

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly code: string | undefined,
    /** Which field or reason, as the SQL function put it in DETAIL. */
    readonly detail: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  details?: unknown;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof like.code === 'string' ? like.code : undefined;
  const message = typeof like.message === 'string' ? like.message : String(error);
  const detailValue = like.detail ?? like.details;
  // Without a code, `details` is a stack trace from supabase-js, not a field name.
  const detail = code && typeof detailValue === 'string' && detailValue !== '' ? detailValue : undefined;
  // RLS WITH CHECK failures use 42501 too, but say so in the message only.
  const rlsRefusal = /row-level security|permission denied/i.test(message);
  // fetch throws a TypeError; supabase-js instead returns { code: '', message: 'TypeError: fetch failed' }.
  const networkFailure = !code && /fetch failed|failed to fetch|networkerror|load failed/i.test(message);
  const kind: ApiErrorKind = (code && kindBySqlState[code]) || (rlsRefusal ? 'forbidden' : networkFailure ? 'offline' : 'unknown');
  return new ApiError(kind, message, code, detail);
}

/** The rows an import refusal (WKIMP) lists; empty for any other error. */
export function refusedRowsOf(error: ApiError): RefusedRow[] {
  if (error.kind !== 'import_refused' || !error.detail) return [];
  try {
    const rows: unknown = JSON.parse(error.detail);
    return Array.isArray(rows) ? (rows as RefusedRow[]) : [];
  } catch {
    return [];
  }
}
