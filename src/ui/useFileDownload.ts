import { useState } from 'react';
import { downloadFile } from '../export/downloadFile';
import { exportFileName, type Exporter } from '../export/exporters';
import { useErrorText } from './useErrorText';

/**
 * Builds a file and hands it to the browser, one at a time, with the failure
 * as a sentence. Shared by the export dialog and the planner's downloads.
 */
export function useFileDownload() {
  const errorText = useErrorText();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState('');

  const run = async (exporter: Pick<Exporter, 'id' | 'extension' | 'mimeType'>, build: () => Promise<string>) => {
    setBusyId(exporter.id);
    setProblem('');
    try {
      downloadFile(exportFileName(exporter), exporter.mimeType, await build());
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusyId(null);
    }
  };
  return { run, busyId, problem };
}
