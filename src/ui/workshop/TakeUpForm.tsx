import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import { ErrorNote } from '../ErrorNote';
import { useAction } from '../useAction';

interface TakeUpFormProps {
  api: WijkkrachtApi;
  actionId: string;
  current: string | null;
  onSaved(): void;
}

/** "Wie pakt het op?", often agreed after the action was written down; its author and the facilitators may fill it in. */
export function TakeUpForm({ api, actionId, current, onSaved }: TakeUpFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [who, setWho] = useState(current ?? '');
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || who.trim() === '' || who.trim() === current) return;
    await run(async () => {
      await api.updateSessionAction(actionId, { takenUpBy: who.trim() });
      onSaved();
    });
  }

  return (
    <form className="take-up-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('workshop.actions.setWho')}</label>
      <div className="inline-field">
        <input id={id} value={who} maxLength={100} onChange={(event) => setWho(event.target.value)} />
        <button type="submit" disabled={busy}>
          {t('workshop.actions.saveWho')}
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
