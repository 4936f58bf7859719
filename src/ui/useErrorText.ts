import { useTranslation } from 'react-i18next';
import { toApiError } from '../backend/apiError';
import { errorMessageKey, type ErrorContext } from '../domain/errorMessageKey';

/** Turns any failure into a plain sentence in the current language; the context says what the user was doing. */
export function useErrorText(): (error: unknown, context?: ErrorContext) => string {
  const { t } = useTranslation();
  return (error, context) => t(errorMessageKey(toApiError(error), context));
}
