/**
 * The kinds of refusal a user can meet, whichever backend answered. The seam
 * (src/backend/apiError.ts) sorts every backend's errors into these.
 */
export const apiErrorKinds = [
  'invalid_geometry',
  'required',
  'unknown_category',
  'invalid_argument',
  'stale_version',
  'not_found',
  'import_refused',
  'duplicate',
  'forbidden',
  'join_refused',
  'offline',
  'unknown',
] as const;
export type ApiErrorKind = (typeof apiErrorKinds)[number];
