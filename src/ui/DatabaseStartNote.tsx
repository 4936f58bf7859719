import { useTranslation } from 'react-i18next';
import { useDatabaseReady, useDatabaseStatus } from './databaseStatus';
import { useStartingSeconds } from './useStartingSeconds';

/**
 * Over the map while the database starts (the map itself is already there),
 * and with a retry when it could not start.
 */
export function DatabaseStartNote({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  const database = useDatabaseStatus();
  const seconds = useStartingSeconds(database);

  if (database.status === 'ready') return null;
  if (database.status === 'failed') {
    return (
      <div className="database-note error" role="alert">
        <p>{t('app.startFailed')}</p>
        <p className="hint">{database.message}</p>
        <button type="button" className="primary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return (
    <div className="database-note" role="status" aria-live="polite">
      <span className="spinner small" aria-hidden="true" />
      <p>{t('app.databaseStarting')}</p>
      {seconds >= 4 && <p className="hint">{t('app.databaseStartingSlow')}</p>}
    </div>
  );
}

/** In a panel whose work needs the database: says it is getting ready, until it is. */
export function DatabaseGettingReady() {
  const { t } = useTranslation();
  if (useDatabaseReady()) return null;
  return (
    <p className="database-getting-ready" role="status">
      {t('app.databaseGettingReady')}
    </p>
  );
}
