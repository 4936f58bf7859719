/**
 * Errors cross from the database worker to the page by postMessage, and
 * structured cloning keeps only an Error's message: the SQLSTATE `code` and
 * `detail` the app needs to explain a refusal would be lost. So the worker
 * sends these fields as a plain object and the page rebuilds the error.
 */
export interface DatabaseErrorFields {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

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
