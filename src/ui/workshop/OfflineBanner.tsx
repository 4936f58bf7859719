import { useTranslation } from 'react-i18next';

/** Said at once and kept in view while the network is gone; nothing typed is lost meanwhile. */
export function OfflineBanner() {
  const { t } = useTranslation();
  return (
    <p className="offline-banner" role="alert">
      {t('workshop.offline')}
    </p>
  );
}
