import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { SessionAction } from '../../backend/sessionWireTypes';
import { TakeUpForm } from './TakeUpForm';

interface ActionListProps {
  api: WijkkrachtApi;
  actions: SessionAction[];
  /** Facilitators may fill in who takes up any action; others only their own. */
  facilitating: boolean;
  onChanged(): void;
}

/** The agreements so far, each with who takes it up. */
export function ActionList({ api, actions, facilitating, onChanged }: ActionListProps) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p className="hint">{t('workshop.actions.none')}</p>;
  return (
    <ol className="action-list" data-testid="action-list">
      {actions.map((action) => (
        <li key={action.id}>
          <p className="action-body">{action.body}</p>
          <p className={action.taken_up_by ? 'action-who' : 'action-who hint'}>
            {action.taken_up_by ? t('workshop.actions.who', { name: action.taken_up_by }) : t('workshop.actions.nobody')}
          </p>
          {(facilitating || action.mine) && !action.taken_up_by && (
            <TakeUpForm api={api} actionId={action.id} current={action.taken_up_by} onSaved={onChanged} />
          )}
        </li>
      ))}
    </ol>
  );
}
