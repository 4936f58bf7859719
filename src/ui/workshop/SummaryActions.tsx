import { useTranslation } from 'react-i18next';
import type { SessionAction } from '../../backend/sessionWireTypes';

/** The agreements and who takes each up: what the room leaves with. */
export function SummaryActions({ actions }: { actions: SessionAction[] }) {
  const { t } = useTranslation();
  return (
    <section className="summary-section" aria-labelledby="summary-actions-title">
      <h2 id="summary-actions-title">{t('workshop.summary.actions')}</h2>
      {actions.length === 0 ? (
        <p className="hint">{t('workshop.summary.nothing')}</p>
      ) : (
        <ol className="summary-actions" data-testid="summary-actions">
          {actions.map((action) => (
            <li key={action.id}>
              {action.body} —{' '}
              <span className={action.taken_up_by ? undefined : 'hint'}>
                {action.taken_up_by ? t('workshop.actions.who', { name: action.taken_up_by }) : t('workshop.actions.nobody')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
