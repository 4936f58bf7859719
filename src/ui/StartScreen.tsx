import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from './useBackend';
import { useStartingSeconds } from './useStartingSeconds';

/** Shown by the workshop screens while the database starts (the map screen shows its map at once: DatabaseStartNote). */
export function StartScreen({ state, onRetry }: { state: Exclude<DatabaseStatus, { status: 'ready' }>; onRetry(): void }) {
  const { t } = useTranslation();
  const seconds = useStartingSeconds(state);

  return (
    <main className="start-screen">
      <h1>{t('app.title')}</h1>
      {state.status === 'starting' ? (
        <div role="status" aria-live="polite">
          <div className="spinner" aria-hidden="true" />
          <p>{t('app.starting')}</p>
          {seconds >= 4 && <p className="hint">{t('app.startingSlow')}</p>}
        </div>
      ) : (
        <div role="alert">
          <p>{t('app.startFailed')}</p>
          <p className="hint">{state.message}</p>
          <button type="button" className="primary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      )}
    </main>
  );
}
