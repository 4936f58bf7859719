import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import { ActionList } from './ActionList';
import { DraftSaveButtons } from './DraftSaveButtons';
import type { ActionDraftState } from './useSessionDrafts';

interface ActionsPanelProps {
  api: WijkkrachtApi;
  overview: SessionOverview;
  action: ActionDraftState;
  onChanged(): void;
}

/** "Acties": tap the map, write what will be done and who takes it up; the list of what was agreed. */
export function ActionsPanel({ api, overview, action, onChanged }: ActionsPanelProps) {
  const { t } = useTranslation();
  const ids = { body: useId(), who: useId(), list: useId() };
  const { draft, update, save, sending, waitingForNetwork, refusal, setRefusal } = action;
  const [missingBody, setMissingBody] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (draft.body.trim() === '') {
      setMissingBody(true);
      return;
    }
    setMissingBody(false);
    setRefusal(null);
    save();
  }

  return (
    <div className="phase-panel actions-panel">
      {draft.lon === null ? (
        <p className="tap-map" role="status">
          {t('workshop.actions.tapMap')}
        </p>
      ) : (
        <form className="action-form" onSubmit={submit} noValidate>
          <label htmlFor={ids.body}>{t('workshop.actions.body')}</label>
          <textarea
            id={ids.body}
            rows={2}
            maxLength={280}
            value={draft.body}
            readOnly={sending}
            aria-required="true"
            placeholder={t('workshop.actions.bodyPlaceholder')}
            onChange={(event) => update({ body: event.target.value })}
          />
          <label htmlFor={ids.who}>{t('workshop.actions.takenUpBy')}</label>
          <input
            id={ids.who}
            maxLength={100}
            value={draft.takenUpBy}
            readOnly={sending}
            onChange={(event) => update({ takenUpBy: event.target.value })}
          />
          <DraftSaveButtons
            error={missingBody ? t('workshop.actions.bodyRequired') : refusal}
            waitingForNetwork={waitingForNetwork}
            sending={sending}
            labels={{ save: t('workshop.actions.save'), saving: t('workshop.actions.saving'), other: t('workshop.actions.cancel') }}
            onOther={() => update({ lon: null, lat: null })}
          />
        </form>
      )}
      <h2 id={ids.list}>{t('workshop.actions.list')}</h2>
      <ActionList api={api} actions={overview.actions} facilitating={overview.session.i_facilitate} onChanged={onChanged} />
    </div>
  );
}
