import { useTranslation } from 'react-i18next';
import type { ImportPhase } from './useImportSession';

const phases: ImportPhase[] = ['reading', 'checking', 'preview', 'writing'];

/** Which of the four steps is under way: a bar that fills per step, and its name. */
export function ImportProgress({ phase }: { phase: ImportPhase }) {
  const { t } = useTranslation();
  const step = phases.indexOf(phase) + 1;
  return (
    <div className="import-progress" role="status">
      <progress max={phases.length} value={step - 0.5} aria-label={t(`import.phase.${phase}`)} />
      <span>{t(`import.phase.${phase}`)}</span>
    </div>
  );
}
