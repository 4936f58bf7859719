import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetFeature } from '../backend/wireTypes';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface Props {
  api: WijkkrachtApi;
  feature: AssetFeature;
  /** Its author or a facilitator: may put an archived place back. */
  mayRestore: boolean;
  onChanged(message: string): void;
}

/** Why a place is not (yet) on the map for everyone: waiting, rejected with a reason, hidden, or archived. */
export function AssetStatusNote({ api, feature, mayRestore, onChanged }: Props) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const { status, mine, moderation_note: note } = feature.properties;
  if (status === 'published') return null;

  const restore = () =>
    run(async () => {
      await api.restoreAsset(feature.id);
      onChanged(t('details.restored'));
    });

  return (
    <div className={`status-note status-${status}`} data-testid="asset-status">
      <p className="status-tag">{t(`status.${status}`)}</p>
      {status === 'pending' && <p>{t(mine ? 'details.pendingMine' : 'details.pendingOthers')}</p>}
      {status === 'rejected' && note && <p>{t('details.rejectedReason', { reason: note })}</p>}
      {status === 'hidden' && <p>{t('details.hiddenHint')}</p>}
      {status === 'archived' && (
        <>
          <p>{t('details.archivedHint')}</p>
          {mayRestore && (
            <button type="button" disabled={busy} onClick={() => void restore()}>
              {t('details.restore')}
            </button>
          )}
        </>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
