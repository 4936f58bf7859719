import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../backend/wireTypes';
import type { PopulationWeightPlan } from '../import/types';

/**
 * Under a population-weights import's preview: what the weights do, how many
 * the file holds and, once the database has previewed it, how many cells
 * follow them and all residents before and after side by side (equal: each
 * area keeps its count).
 */
export function WeightsNote({ plan, report }: { plan: PopulationWeightPlan; report: ImportReport | null }) {
  const { t, i18n } = useTranslation();
  const format = (value: number) => Math.round(value).toLocaleString(i18n.language);
  const weight = plan.rows.reduce((total, row) => total + row.weight, 0);
  return (
    <>
      <p className="hint">{t('import.weights.what')}</p>
      <p className="hint" data-testid="weights-total">
        {t('import.weights.total', { count: plan.rows.length, formatted: format(plan.rows.length), weight: format(weight) })}
      </p>
      {report?.sources_respread === 0 && <p className="hint">{t('import.weights.nothingYet')}</p>}
      {report?.sources_respread !== undefined && report.sources_respread > 0 && (
        <p className="hint" data-testid="weights-result">
          {t('import.weights.result', {
            cells: format(report.cells_by_weights ?? 0),
            before: format(report.residents_before ?? 0),
            after: format(report.residents_after ?? 0),
          })}
        </p>
      )}
      <p className="hint">{t('import.weights.replaces')}</p>
    </>
  );
}
