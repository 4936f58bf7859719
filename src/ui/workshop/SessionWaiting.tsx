import { useTranslation } from 'react-i18next';
import { toApiError } from '../../backend/apiError';
import { useErrorText } from '../useErrorText';

/** Until a session is there: loading, or why it is not (not joined yet, no network). */
export function SessionWaiting({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const notMember = error !== null && toApiError(error).kind === 'forbidden';
  return (
    <main className="workshop-message">
      <h1>{t('app.title')}</h1>
      {error === null ? (
        <p role="status">{t('workshop.screen.loading')}</p>
      ) : (
        <>
          <p role="alert">{notMember ? t('workshop.screen.notMember') : errorText(error)}</p>
          <p>
            <a className="button-link" href="#meedoen=">
              {t('workshop.screen.join')}
            </a>
          </p>
        </>
      )}
      <p>
        <a href="#">{t('workshop.screen.toMap')}</a>
      </p>
    </main>
  );
}
