import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import { ImportFileError, type Message } from '../import/types';
import { useErrorText } from './useErrorText';

interface Props {
  api: WijkkrachtApi;
  onImportFiles(): void;
  /** Data was loaded; the message says what. */
  onLoaded(message: string): void;
  onStartEmpty(): void;
}

/** Shown while the map is empty: import files, fetch a municipality, or try the fictional demo. */
export function FirstRunScreen({ api, onImportFiles, onLoaded, onStartEmpty }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'online' | 'demo' | null>(null);
  const [problem, setProblem] = useState<Message | string | null>(null);

  const run = async (which: 'online' | 'demo', work: () => Promise<string>) => {
    setBusy(which);
    setProblem(null);
    try {
      onLoaded(await work());
    } catch (error) {
      setProblem(error instanceof ImportFileError ? { key: error.key, params: error.params } : errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const onOnline = (event: FormEvent) => {
    event.preventDefault();
    void run('online', async () => {
      // The OSM and PDOK readers load when asked for, not with the first screen.
      const { loadMunicipalityOnline } = await import('../import/loadMunicipalityOnline');
      const report = await loadMunicipalityOnline(api, code);
      return t('import.done', { added: report.added, updated: report.updated });
    });
  };

  return (
    <section className="first-run" role="dialog" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p>{t('firstRun.intro')}</p>
      <div className="first-run-options">
        <div className="first-run-option">
          <button type="button" className="primary" disabled={busy !== null} onClick={onImportFiles}>
            {t('firstRun.importFiles')}
          </button>
          <p className="hint">{t('firstRun.importFilesHint')}</p>
        </div>
        <form className="first-run-option" onSubmit={onOnline}>
          <label>
            <span>{t('firstRun.online')}</span>
            <input
              value={code}
              onChange={(event) => setCode(event.target.value)}
              placeholder={t('firstRun.gemeenteCodeHint')}
              aria-label={t('firstRun.gemeenteCode')}
            />
          </label>
          <button type="submit" disabled={busy !== null || code.trim() === ''}>
            {busy === 'online' ? t('firstRun.loading') : t('firstRun.load')}
          </button>
          <p className="hint">{t('firstRun.onlineHint')}</p>
        </form>
        <div className="first-run-option">
          <button
            type="button"
            disabled={busy !== null}
            onClick={() =>
              void run('demo', async () => {
                const { loadDemoNeighbourhood } = await import('../import/loadDemoNeighbourhood');
                await loadDemoNeighbourhood(api);
                return t('firstRun.demoLoaded');
              })
            }
          >
            {t('firstRun.demo')}
          </button>
          <p className="hint">{t('firstRun.demoHint')}</p>
        </div>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {typeof problem === 'string' ? problem : t(problem.key, problem.params)}
        </p>
      )}
      <button type="button" className="link-button" disabled={busy !== null} onClick={onStartEmpty}>
        {t('firstRun.empty')}
      </button>
    </section>
  );
}
