import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../backend/wireTypes';
import type { AreaPopulationPlan, AreasWithPopulationPlan, PopulationCellPlan } from '../import/types';

/** How many kinds of key figure a wijk/buurt file brings (dwellings, income, …), kept for the map. */
const keyFigureCount = (plan: AreasWithPopulationPlan) =>
  new Set([...plan.rows, ...plan.questionedRows].flatMap((row) => Object.keys(row.key_figures ?? {}))).size;

/**
 * Under a population import's preview: how many people the file holds, what
 * happens to them (spread, or counted per cell) and, once the database has
 * previewed it, how many land in the 100 m cells, side by side, so a
 * difference is seen.
 */
export function PopulationNote({
  plan,
  report,
}: {
  plan: AreaPopulationPlan | AreasWithPopulationPlan | PopulationCellPlan;
  report: ImportReport | null;
}) {
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
      {report?.residents_landed !== undefined && (
        <p className="hint" data-testid="population-landed">
          {t('import.population.landed', {
            residents: format(report.residents_landed),
            residents65: format(report.residents_65plus_landed ?? 0),
          })}
        </p>
      )}
      <p className="hint">{t(plan.target === 'population-cells' ? 'import.population.grid' : 'import.population.spread')}</p>
      {plan.target === 'areas-population' && (
        <p className="hint" data-testid="areas-too">
          {t('import.population.areasToo', { count: rows.length })}
        </p>
      )}
      {plan.target === 'areas-population' && keyFigureCount(plan) > 0 && (
        <p className="hint" data-testid="key-figures-too">
          {t('import.population.keyFiguresToo', { count: keyFigureCount(plan), formatted: format(keyFigureCount(plan)) })}
        </p>
      )}
    </>
  );
}
