import type { ApiError } from '../backend/apiError';

/** The i18n key that explains an API refusal to a resident, in plain words. */
export function errorMessageKey(error: Pick<ApiError, 'kind' | 'detail'>): string {
  if (error.kind === 'required' && (error.detail === 'name' || error.detail === 'story')) {
    return `errors.required_${error.detail}`;
  }
  return `errors.${error.kind}`;
}
