import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import type { Werkgebied } from '../../backend/wireTypes';
import { ErrorNote } from '../ErrorNote';
import { useAction } from '../useAction';

interface NewSessionFormProps {
  api: WijkkrachtApi;
  /** The werkgebieden the user facilitates. */
  werkgebieden: Werkgebied[];
  onCreated(session: WorkshopSession): void;
}

/** Today in the browser's own time zone, as yyyy-mm-dd (what <input type=date> holds). */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A new session: where, what it is called, when, and two choices the room should know about. */
export function NewSessionForm({ api, werkgebieden, onCreated }: NewSessionFormProps) {
  const { t } = useTranslation();
  const ids = { title: useId(), werkgebied: useId(), name: useId(), date: useId() };
  const [werkgebiedId, setWerkgebiedId] = useState(() => (werkgebieden.length === 1 ? werkgebieden[0]!.id : ''));
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  const [publishAtOnce, setPublishAtOnce] = useState(true);
  const [showFirstNames, setShowFirstNames] = useState(true);
  const { busy, error, setError, run } = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!werkgebiedId) return setError(t('workshop.entry.werkgebiedRequired'));
    if (title.trim() === '') return setError(t('workshop.entry.titleRequired'));
    await run(async () => {
      onCreated(await api.createSession({ werkgebiedId, title: title.trim(), heldOn, publishAtOnce, showFirstNames }));
    });
  }

  if (werkgebieden.length === 0) return <p className="notice">{t('workshop.entry.noWerkgebieden')}</p>;

  return (
    <form className="new-session" aria-labelledby={ids.title} onSubmit={create} noValidate>
      <h3 id={ids.title}>{t('workshop.entry.new')}</h3>
      <label htmlFor={ids.werkgebied}>{t('workshop.entry.werkgebied')}</label>
      <select id={ids.werkgebied} value={werkgebiedId} onChange={(event) => setWerkgebiedId(event.target.value)}>
        <option value="">{t('workshop.entry.chooseWerkgebied')}</option>
        {werkgebieden.map((werkgebied) => (
          <option key={werkgebied.id} value={werkgebied.id}>
            {werkgebied.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.name}>{t('workshop.entry.sessionTitle')}</label>
      <input
        id={ids.name}
        value={title}
        maxLength={120}
        placeholder={t('workshop.entry.sessionTitlePlaceholder')}
        onChange={(event) => setTitle(event.target.value)}
      />
      <label htmlFor={ids.date}>{t('workshop.entry.heldOn')}</label>
      <input id={ids.date} type="date" value={heldOn} onChange={(event) => setHeldOn(event.target.value)} />
      <fieldset className="choice-group">
        <legend>{t('workshop.entry.publish')}</legend>
        <label className="check-row">
          <input type="radio" name="publish" checked={publishAtOnce} onChange={() => setPublishAtOnce(true)} />
          <span>{t('workshop.entry.publishAtOnce')}</span>
        </label>
        <label className="check-row">
          <input type="radio" name="publish" checked={!publishAtOnce} onChange={() => setPublishAtOnce(false)} />
          <span>{t('workshop.entry.publishAfterReview')}</span>
        </label>
      </fieldset>
      <label className="check-row">
        <input type="checkbox" checked={showFirstNames} onChange={(event) => setShowFirstNames(event.target.checked)} />
        <span>{t('workshop.entry.showFirstNames')}</span>
      </label>
      <ErrorNote message={error} />
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? t('workshop.entry.creating') : t('workshop.entry.create')}
      </button>
    </form>
  );
}
