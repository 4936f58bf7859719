import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetFeature, CirclePrivacy } from '../backend/wireTypes';
import { ConfirmStep } from './ConfirmStep';
import { useAction } from './useAction';

/**
 * What a circle's details say: that it is shown at its buurt (or 100 m cell),
 * not at its address, and that contact goes through the facilitator; for its
 * key person and facilitators also that they see the exact place, and
 * "Toestemming intrekken", asked once more because it cannot be undone.
 */
export function CircleNote({
  api,
  feature,
  circle,
  onWithdrawn,
}: {
  api: WijkkrachtApi;
  feature: AssetFeature;
  circle: CirclePrivacy;
  onWithdrawn(message: string): void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();

  const withdraw = () =>
    run(async () => {
      await api.withdrawCircle(feature.id);
      onWithdrawn(t('circle.withdrawn'));
    });

  return (
    <div className="circle-note">
      <p>{t(`circle.shownAt.${circle.shown_at}`)}</p>
      <p>{t('circle.contact')}</p>
      {circle.exact_geometry && <p className="hint">{t('circle.insider')}</p>}
      {circle.may_withdraw &&
        (asking ? (
          <ConfirmStep
            label={t('circle.withdraw')}
            question={t('circle.withdrawQuestion')}
            confirmLabel={t('circle.withdrawConfirm')}
            busy={busy}
            error={error}
            onConfirm={() => void withdraw()}
            onCancel={() => setAsking(false)}
          />
        ) : (
          <button type="button" onClick={() => setAsking(true)}>
            {t('circle.withdraw')}
          </button>
        ))}
    </div>
  );
}
