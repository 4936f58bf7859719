import { useTranslation } from 'react-i18next';
import { toApiError } from '../backend/apiError';
import { errorMessageKey } from '../domain/errorMessageKey';

/** Turns any failure into a plain sentence in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(errorMessageKey(toApiError(error)));
}
