import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetFeature } from '../backend/wireTypes';
import { ConfirmStep } from './ConfirmStep';
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
    <ConfirmStep
      label={t('details.archive')}
      question={t('details.archiveQuestion')}
      confirmLabel={t('details.archiveConfirm')}
      busy={busy}
      error={error}
      onConfirm={() => void archive()}
      onCancel={() => setAsking(false)}
    />
  );
}
