import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AreaCollection, Werkgebied } from '../backend/wireTypes';
import { NewWerkgebiedForm } from './NewWerkgebiedForm';
import { PanelHeader } from './PanelHeader';
import { WerkgebiedSettingsForm } from './WerkgebiedSettingsForm';

interface Props {
  api: WijkkrachtApi;
  werkgebieden: Werkgebied[];
  areas: AreaCollection;
  onCreated(werkgebied: Werkgebied): void;
  /** Its settings were saved (review first, reports, months until faded). */
  onUpdated(werkgebied: Werkgebied): void;
  onClose(): void;
}

/** For administrators: the werkgebieden there are, and a new one made from imported areas. */
export function WerkgebiedenDialog({ api, werkgebieden, areas, onCreated, onUpdated, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  // The werkgebied whose settings are open, one at a time.
  const [editingId, setEditingId] = useState<string | null>(null);
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
                {t(werkgebied.review_first ? 'werkgebieden.reviewFirstOn' : 'werkgebieden.publishAtOnce')} ·{' '}
                {t('werkgebieden.settings.staleAfter', { count: werkgebied.stale_after_months })}
              </span>
              {editingId === werkgebied.id ? (
                <WerkgebiedSettingsForm
                  api={api}
                  werkgebied={werkgebied}
                  onSaved={(saved) => {
                    setEditingId(null);
                    onUpdated(saved);
                  }}
                  onCancel={() => setEditingId(null)}
                />
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('werkgebieden.settings.open', { name: werkgebied.name })}
                  onClick={() => setEditingId(werkgebied.id)}
                >
                  {t('werkgebieden.settings.button')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <NewWerkgebiedForm api={api} areas={areas} onCreated={onCreated} />
    </section>
  );
}
