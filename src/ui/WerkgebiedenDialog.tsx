import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AreaCollection, Werkgebied } from '../backend/wireTypes';
import { NewWerkgebiedForm } from './NewWerkgebiedForm';
import { PanelHeader } from './PanelHeader';

interface Props {
  api: WijkkrachtApi;
  werkgebieden: Werkgebied[];
  areas: AreaCollection;
  onCreated(werkgebied: Werkgebied): void;
  onClose(): void;
}

/** For administrators: the werkgebieden there are, and a new one made from imported areas. */
export function WerkgebiedenDialog({ api, werkgebieden, areas, onCreated, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="panel werkgebieden-dialog" role="dialog" aria-labelledby={titleId}>
      <PanelHeader titleId={titleId} title={t('werkgebieden.title')} closeLabel={t('werkgebieden.close')} onClose={onClose} />
      <p className="hint">{t('werkgebieden.intro')}</p>
      {werkgebieden.length === 0 ? (
        <p className="notice">{t('werkgebieden.none')}</p>
      ) : (
        <ul className="werkgebied-list" data-testid="werkgebied-list">
          {werkgebieden.map((werkgebied) => (
            <li key={werkgebied.id}>
              <strong>{werkgebied.name}</strong>
              <span className="hint">
                {t('werkgebieden.areaCount', { count: werkgebied.area_codes.length })} ·{' '}
                {t(werkgebied.review_first ? 'werkgebieden.reviewFirstOn' : 'werkgebieden.publishAtOnce')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewWerkgebiedForm api={api} areas={areas} onCreated={onCreated} />
    </section>
  );
}
