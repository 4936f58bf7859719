import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { ItemType } from '../domain/types';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface Props {
  api: WijkkrachtApi;
  itemType: ItemType;
  itemId: string;
  onReported(message: string): void;
}

/** "Melden": tell the facilitators that something about a published place is wrong. */
export function ReportForm({ api, itemType, itemId, onReported }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy: sending, error, setError, run } = useAction();
  const reasonId = useId();
  const hintId = useId();

  async function send(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (reason.trim() === '') {
      setError(t('report.reasonRequired'));
      return;
    }
    await run(async () => {
      const result = await api.reportItem(itemType, itemId, reason);
      setOpen(false);
      setReason('');
      onReported(t(result.hidden ? 'report.sentHidden' : 'report.sent'));
    });
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('report.open')}
      </button>
    );
  }
  return (
    <form className="report-form" onSubmit={send} noValidate>
      <label htmlFor={reasonId}>{t('report.reason')}</label>
      <p className="hint" id={hintId}>
        {t('report.hint')}
      </p>
      <textarea
        id={reasonId}
        rows={3}
        maxLength={500}
        value={reason}
        aria-required="true"
        aria-describedby={hintId}
        autoFocus
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorNote message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('report.sending') : t('report.send')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('report.cancel')}
        </button>
      </div>
    </form>
  );
}
