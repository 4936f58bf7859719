import { useTranslation } from 'react-i18next';
import type { ImportPhase } from './useImportSession';

const phases: ImportPhase[] = ['reading', 'checking', 'preview', 'writing'];

/**
 * Which of the four steps is under way and how far it is: the bar fills a
 * quarter per step, and within a step as far as the step can tell.
 */
export function ImportProgress({ phase, fraction }: { phase: ImportPhase; fraction: number | null }) {
  const { t } = useTranslation();
  const step = phases.indexOf(phase);
  const within = fraction ?? 0.5;
  return (
    <div className="import-progress" role="status">
      <progress max={100} value={Math.round(((step + within) / phases.length) * 100)} aria-label={t(`import.phase.${phase}`)} />
      <span>
        {t(`import.phase.${phase}`)}
        {fraction !== null && ` ${Math.round(fraction * 100)}%`}
      </span>
    </div>
  );
}
