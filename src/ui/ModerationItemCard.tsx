import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { PhotoStore } from '../backend/photoStore';
import type { ModerationItem } from '../backend/wireTypes';
import { queueStatusKey } from '../domain/moderation';
import type { ModerationDecision } from '../domain/types';
import { ErrorNote } from './ErrorNote';
import { PhotoImage } from './photos/PhotoImage';
import { useAction } from './useAction';

interface Props {
  api: WijkkrachtApi;
  photoStore: PhotoStore;
  item: ModerationItem;
  selected: boolean;
  onSelect(): void;
  onDecided(message: string): void;
}

/** One place, story or photo in the queue: what it is, why it is there, and the decisions it allows. */
export function ModerationItemCard({ api, photoStore, item, selected, onSelect, onDecided }: Props) {
  const { t, i18n } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const ids = { title: useId(), reason: useId(), error: useId() };
  const decisions = item.decisions;
  const date = (value: string) => new Date(value).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' });

  const decide = (decision: ModerationDecision, note?: string) =>
    run(async () => {
      await api.moderate(item.item_type, item.id, decision, note);
      onDecided(t(`moderation.done.${decision}`, { name: item.name }));
    });

  function confirmReject(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('moderation.reasonRequired'));
      return;
    }
    void decide('reject', reason.trim());
  }

  return (
    <li className={`moderation-item${selected ? ' selected' : ''}`} aria-labelledby={ids.title}>
      <h3 id={ids.title}>{item.name}</h3>
      <p className={`status-tag status-${item.status}`}>{t(queueStatusKey(item.status))}</p>
      <p className="hint">
        {item.werkgebied_name ? t('moderation.werkgebied', { name: item.werkgebied_name }) : t('moderation.noWerkgebied')}
      </p>
      {item.item_type === 'story' && (
        <div className="moderation-story">
          <p className="label">{t('moderation.story')}</p>
          <blockquote>{item.body}</blockquote>
          <p className="byline">
            {t('moderation.storyBy', { name: item.author_name ?? t('details.anonymous'), date: date(item.created_at) })}
          </p>
        </div>
      )}
      {item.item_type === 'photo' && item.photo && (
        <div className="moderation-story">
          <p className="label">{t('moderation.photo')}</p>
          <PhotoImage store={photoStore} photo={item.photo} alt={item.body || t('photo.alt', { number: 1, name: item.name })} />
          {item.body && <p>{item.body}</p>}
          <p className="byline">{date(item.created_at)}</p>
        </div>
      )}
      {item.reports.length > 0 && (
        <div className="moderation-reports">
          <p className="label">{t('moderation.reports')}</p>
          <ul>
            {item.reports.map((report) => (
              <li key={`${report.created_at}|${report.reason}`}>
                {report.reason} <span className="byline">({date(report.created_at)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions wrap">
        <button type="button" aria-pressed={selected} onClick={onSelect}>
          {t('moderation.show')}
        </button>
        {decisions.includes('approve') && (
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>
            {t('moderation.approve')}
          </button>
        )}
        {decisions.includes('restore') && (
          <button type="button" disabled={busy} onClick={() => void decide('restore')}>
            {t('moderation.restore')}
          </button>
        )}
        {decisions.includes('reject') && !rejecting && (
          <button type="button" disabled={busy} onClick={() => setRejecting(true)}>
            {t('moderation.reject')}
          </button>
        )}
      </div>
      {rejecting && (
        <form className="reject-form" onSubmit={confirmReject} noValidate>
          <label htmlFor={ids.reason}>{t('moderation.reason')}</label>
          <textarea
            id={ids.reason}
            rows={3}
            maxLength={500}
            value={reason}
            aria-required="true"
            aria-invalid={error !== null}
            aria-describedby={error ? ids.error : undefined}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
          />
          <ErrorNote message={error} id={ids.error} />
          <div className="actions wrap">
            <button type="submit" className="danger" disabled={busy}>
              {t('moderation.rejectConfirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setRejecting(false);
                setError(null);
              }}
            >
              {t('moderation.cancel')}
            </button>
          </div>
        </form>
      )}
      {!rejecting && <ErrorNote message={error} />}
    </li>
  );
}
