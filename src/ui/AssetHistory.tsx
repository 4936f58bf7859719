import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { HistoryEntry } from '../backend/wireTypes';
import { changedTexts, historyFieldKeys, historyOperationKey } from '../domain/history';
import { useApiResource } from './useApiResource';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';
import { useErrorText } from './useErrorText';

interface Props {
  api: WijkkrachtApi;
  assetId: string;
  /** The place's version: a new one (an edit, an undo) loads the history again. */
  version: number;
  onChanged(message: string): void;
}

/** "Geschiedenis": every change to a place, for its author and the facilitators, each undoable where allowed. */
export function AssetHistory({ api, assetId, version, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Asked for only once the section is opened, and again for each new version.
  const load = useCallback(() => api.itemHistory('asset', assetId), [api, assetId, version]);
  const history = useApiResource<HistoryEntry[]>(open ? load : null);
  const errorText = useErrorText();

  return (
    <details className="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('history.title')}</summary>
      {history.value === null && history.loading && <p className="hint">{t('history.loading')}</p>}
      <ErrorNote message={history.error === null ? null : errorText(history.error)} />
      {history.value?.length === 0 && <p className="hint">{t('history.empty')}</p>}
      {history.value && history.value.length > 0 && (
        <ol className="history-list">
          {[...history.value].reverse().map((entry) => (
            <HistoryItem key={entry.id} api={api} entry={entry} onChanged={onChanged} />
          ))}
        </ol>
      )}
    </details>
  );
}

function HistoryItem({ api, entry, onChanged }: { api: WijkkrachtApi; entry: HistoryEntry; onChanged(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useAction('undo');

  const fields = historyFieldKeys(entry.fields).map((key) => t(key));
  const what =
    entry.operation === 'edit' && fields.length > 0
      ? t('history.edited', { fields: fields.join(', ') })
      : t(historyOperationKey(entry.operation));
  // Never an id: "jij", the name a member chose to show, or "een bewoner".
  const who =
    entry.who === 'you' ? t('history.who.you') : entry.who === 'member' && entry.who_name ? entry.who_name : t('history.who.resident');
  const when = new Date(entry.changed_at).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' });

  const undo = () =>
    run(async () => {
      await api.undoChange(entry.id);
      onChanged(t('history.undone'));
    });

  return (
    <li>
      <p className="history-what">{what}</p>
      {changedTexts(entry).map((change) => (
        <p key={change.labelKey} className="history-change">
          {t(change.labelKey)}: <del>{change.before || '–'}</del> → <ins>{change.after || '–'}</ins>
        </p>
      ))}
      <p className="byline">{t('history.byline', { who, when })}</p>
      {entry.can_undo && (
        <button type="button" disabled={busy} onClick={() => void undo()}>
          {t('history.undo')}
        </button>
      )}
      <ErrorNote message={error} />
    </li>
  );
}
