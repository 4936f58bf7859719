/**
 * PGlite's multi-tab worker hands a failed statement from the leader to a tab's
 * page as `{ message }` only (see @electric-sql/pglite/dist/worker:
 * `error: { message: f.message }`), and this holds in the leader's own tab too.
 * The SQLSTATE `code` and `detail` the app needs to explain a refusal would be
 * lost, so the leader packs these fields into the message and the page unpacks
 * them. Nothing else crosses the boundary this way.
 */
export interface DatabaseErrorFields {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

const marker = 'wijkkracht-database-error:';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function databaseErrorFields(error: unknown): DatabaseErrorFields {
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    message: text(source.message) ?? String(error),
    code: text(source.code),
    detail: text(source.detail),
    hint: text(source.hint),
  };
}

export function databaseErrorFromFields(fields: DatabaseErrorFields): Error {
  return Object.assign(new Error(fields.message), fields);
}

export function packDatabaseError(error: unknown): Error {
  return new Error(marker + JSON.stringify(databaseErrorFields(error)));
}

/** The error with its code and detail back, or the input if it was not packed. */
export function unpackDatabaseError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : undefined;
  if (!message?.startsWith(marker)) return error;
  try {
    return databaseErrorFromFields(JSON.parse(message.slice(marker.length)) as DatabaseErrorFields);
  } catch {
    return error;
  }
}

/** Worker → page, in the leader's tab only: init failed, so this tab says so instead of waiting. */
export interface StartFailedMessage {
  type: 'wijkkracht-start-failed';
  error: DatabaseErrorFields;
}
