/**
 * PGliteWorker hands errors from the worker to the page as `{ message }` only,
 * dropping the SQLSTATE `code` and `detail` the app needs to explain a refusal
 * (see @electric-sql/pglite/dist/worker: `error: { message: f.message }`).
 * The worker therefore packs those fields into the message, and the page
 * unpacks them again. Nothing else crosses the boundary this way.
 */
const marker = 'wijkkracht-db-error:';

interface DatabaseErrorFields {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

function field(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function packDatabaseError(error: unknown): Error {
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const fields: DatabaseErrorFields = {
    message: field(source.message) ?? String(error),
    code: field(source.code),
    detail: field(source.detail),
    hint: field(source.hint),
  };
  return new Error(marker + JSON.stringify(fields));
}

/** Returns an error with code/detail restored, or the input if it was not packed. */
export function unpackDatabaseError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : undefined;
  if (!message?.startsWith(marker)) return error;
  try {
    const fields = JSON.parse(message.slice(marker.length)) as DatabaseErrorFields;
    return Object.assign(new Error(fields.message), fields);
  } catch {
    return error;
  }
}
