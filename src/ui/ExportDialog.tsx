import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import { downloadFile } from '../export/downloadFile';
import { exportFileName, exporters, type Exporter } from '../export/exporters';
import { useErrorText } from './useErrorText';

/** One button per exporter; each builds its file through the API and hands it to the browser. */
export function ExportDialog({ api, onClose }: { api: WijkkrachtApi; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState('');

  const run = async (exporter: Exporter) => {
    setBusyId(exporter.id);
    setProblem('');
    try {
      downloadFile(exportFileName(exporter), exporter.mimeType, await exporter.build(api));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="panel export-dialog" role="dialog" aria-labelledby="export-title">
      <header className="panel-header">
        <h2 id="export-title">{t('export.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('export.close')}
        </button>
      </header>
      <p className="hint">{t('export.hint')}</p>
      <ul className="export-list">
        {exporters.map((exporter) => (
          <li key={exporter.id}>
            <button type="button" disabled={busyId !== null} onClick={() => void run(exporter)}>
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
