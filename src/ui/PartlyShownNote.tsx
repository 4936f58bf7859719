import { useTranslation } from 'react-i18next';
import type { PartlyShown } from './useAssets';

/** Says that the map holds only part of the places of this area, and how to see them all. */
export function PartlyShownNote({ shown, total }: PartlyShown) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <p className="map-notice map-notice-bottom" role="status">
      {t('app.partlyShown', { shown: number(shown), total: number(total) })}
    </p>
  );
}
