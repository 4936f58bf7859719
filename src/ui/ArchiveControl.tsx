import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetFeature } from '../backend/wireTypes';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

/** "Archiveren", asked once more before the place goes off the map (it can be put back). */
export function ArchiveControl({
  api,
  feature,
  onChanged,
}: {
  api: WijkkrachtApi;
  feature: AssetFeature;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction('edit');

  const archive = () =>
    run(async () => {
      await api.archiveAsset(feature.id, feature.properties.version);
      setAsking(false);
      onChanged(t('details.archived'));
    });

  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('details.archive')}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={t('details.archive')}>
      <p>{t('details.archiveQuestion')}</p>
      <ErrorNote message={error} />
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void archive()}>
          {t('details.archiveConfirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('details.cancel')}
        </button>
      </div>
    </div>
  );
}
