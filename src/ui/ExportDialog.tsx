import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import { exporters } from '../export/exporters';
import { DatabaseGettingReady } from './DatabaseStartNote';
import { PanelHeader } from './PanelHeader';
import { useFileDownload } from './useFileDownload';

/** One button per exporter; each builds its file through the API and hands it to the browser. */
export function ExportDialog({ api, onClose }: { api: WijkkrachtApi; onClose(): void }) {
  const { t } = useTranslation();
  const { run, busyId, problem } = useFileDownload();

  return (
    <section className="panel export-dialog" role="dialog" aria-labelledby="export-title">
      <PanelHeader titleId="export-title" title={t('export.title')} closeLabel={t('export.close')} onClose={onClose} />
      <DatabaseGettingReady />
      <p className="hint">{t('export.hint')}</p>
      <ul className="export-list">
        {exporters.map((exporter) => (
          <li key={exporter.id}>
            <button type="button" disabled={busyId !== null} onClick={() => void run(exporter, () => exporter.build(api))}>
              {t(exporter.labelKey)}
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
