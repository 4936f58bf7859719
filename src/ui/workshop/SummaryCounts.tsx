import { useTranslation } from 'react-i18next';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import type { Category } from '../../backend/wireTypes';
import { categoryLabel } from '../categoryLabel';
import { countRows } from './summaryRows';

const totals = ['contributions', 'stories', 'appreciations', 'participants'] as const;

/** How much was added, per kind, per kind of place and per Positive Health dimension. */
export function SummaryCounts({ counts, categories }: { counts: SessionOverview['counts']; categories: Category[] }) {
  const { t, i18n } = useTranslation();
  const groups = [
    { title: t('workshop.summary.byKind'), rows: countRows(counts.by_kind, (kind) => t(`workshop.kind.${kind}`)) },
    {
      title: t('workshop.summary.byCategory'),
      rows: countRows(
        counts.by_category,
        (id) =>
          categoryLabel(
            categories.find((category) => category.id === id),
            i18n.language,
          ) || id,
      ),
    },
    { title: t('workshop.summary.byDimension'), rows: countRows(counts.by_dimension, (dimension) => t(`dimension.${dimension}`)) },
  ];
  return (
    <section className="summary-section summary-counts" aria-labelledby="summary-counts-title">
      <h2 id="summary-counts-title">{t('workshop.summary.totals')}</h2>
      <p className="summary-totals">
        {totals.map((name) => `${counts[name]} ${t(`workshop.counter.${name}`, { count: counts[name] })}`).join(' · ')}
      </p>
      <div className="summary-count-groups">
        {groups.map((group) => (
          <div key={group.title}>
            <h3>{group.title}</h3>
            {group.rows.length === 0 ? (
              <p className="hint">{t('workshop.summary.nothing')}</p>
            ) : (
              <table>
                <tbody>
                  {group.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td>{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
