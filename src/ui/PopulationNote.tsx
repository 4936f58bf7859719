import { useTranslation } from 'react-i18next';
import type { AreaPopulationPlan, PopulationCellPlan } from '../import/types';

/** Under a population import's preview: how many people the file holds, and what happens to them (spread, or counted per cell). */
export function PopulationNote({ plan }: { plan: AreaPopulationPlan | PopulationCellPlan }) {
  const { t, i18n } = useTranslation();
  const rows = [...plan.rows, ...plan.questionedRows];
  const sum = (pick: (row: (typeof rows)[number]) => number | null) => rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
  const format = (value: number) => Math.round(value).toLocaleString(i18n.language);
  return (
    <>
      <p className="hint" data-testid="population-totals">
        {t('import.population.totals', {
          residents: format(sum((row) => row.residents)),
          residents65: format(sum((row) => row.residents_65plus)),
        })}
      </p>
      <p className="hint">{t(plan.target === 'area-population' ? 'import.population.spread' : 'import.population.grid')}</p>
    </>
  );
}
