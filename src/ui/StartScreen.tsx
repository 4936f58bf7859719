import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendState } from './useBackend';

/** Shown while the database starts (seconds; longer on the very first visit). */
export function StartScreen({ state, onRetry }: { state: Exclude<BackendState, { status: 'ready' }>; onRetry(): void }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (state.status !== 'starting') return;
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - state.since) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [state]);

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
