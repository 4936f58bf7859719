import { useTranslation } from 'react-i18next';
import { groupFigures } from '../../coverage/coverageFigures';
import type { TargetGroup } from '../../domain/types';
import type { BuurtCoverage } from '../../backend/wireTypes';

/** Per buurt: residents of the group, how many live beyond the distance, and the share within reach. */
export function BuurtTable({ rows, group, names }: { rows: BuurtCoverage[]; group: TargetGroup; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const lines = rows
    .map((row) => ({
      row,
      name: row.buurt_code ? (names.get(row.buurt_code) ?? row.buurt_code) : t('planner.outsideBuurten'),
      ...groupFigures(row, group),
    }))
    .sort((a, b) => b.uncovered - a.uncovered);
  return (
    <div className="buurt-table-wrap">
      <table className="buurt-table" data-testid="buurt-table">
        <thead>
          <tr>
            <th>{t('planner.table.buurt')}</th>
            <th>{t(group === 'all' ? 'planner.table.residents' : 'planner.table.residents65')}</th>
            <th>{t('planner.table.uncovered')}</th>
            <th>{t('planner.table.share')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.row.buurt_code ?? '-'}>
              <td>{line.name}</td>
              <td>{number(line.residents)}</td>
              <td>{number(line.uncovered)}</td>
              <td>{line.share === null ? '–' : `${Math.round(line.share * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
