import type { ApiErrorKind } from './errorKinds';

/** The i18n key that explains an API refusal to a resident, in plain words. */
export function errorMessageKey(error: { kind: ApiErrorKind; detail?: string | null }): string {
  if (error.kind === 'required' && (error.detail === 'name' || error.detail === 'story')) {
    return `errors.required_${error.detail}`;
  }
  return `errors.${error.kind}`;
}
