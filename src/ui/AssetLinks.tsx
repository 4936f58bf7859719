import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetFeature, AssetLink, Category } from '../backend/wireTypes';
import { connectionCandidates } from '../domain/connectionCandidates';
import { connectionKinds, type ConnectionKind } from '../domain/types';
import { categoryLabel } from './categoryLabel';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface AssetLinksProps {
  api: WijkkrachtApi;
  feature: AssetFeature;
  links: AssetLink[];
  categories: Category[];
  /** The places the map holds: what may be chosen to connect with. */
  places: AssetFeature[];
  /** Whether the user may change this place, and so connect it (the database checks again). */
  mayConnect: boolean;
  /** A shared map: the list only, no removing (whatever SQL would allow this browser's user). */
  readOnly?: boolean;
  onOpen(assetId: string): void;
  onChanged(message: string): void;
}

/** "Verbonden met": a place's connections (each opens the other place), and a form to add one. */
export function AssetLinks({ api, feature, links, categories, places, mayConnect, readOnly = false, onOpen, onChanged }: AssetLinksProps) {
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), kind: useId(), place: useId(), hint: useId() };
  const [kind, setKind] = useState<ConnectionKind>('meets_at');
  const [otherId, setOtherId] = useState('');
  const { busy, error, run } = useAction();
  const candidates = useMemo(() => connectionCandidates(feature, places), [feature, places]);
  const categoryOf = (id: string) =>
    categoryLabel(
      categories.find((category) => category.id === id),
      i18n.language,
    );

  async function connect(event: FormEvent) {
    event.preventDefault();
    if (!otherId) return;
    const done = await run(async () => {
      await api.linkAssets(feature.id, otherId, kind);
    });
    if (done) {
      setOtherId('');
      onChanged(t('connection.saved'));
    }
  }

  const remove = (link: AssetLink) =>
    run(async () => {
      await api.unlinkAssets(link.id);
      onChanged(t('connection.removed'));
    });

  return (
    <section className="asset-links" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('connection.title')}</h3>
      {links.length === 0 ? (
        <p className="hint">{t('connection.none')}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={link.id}>
              <span className="link-kind">{t(`connection.kind.${link.direction}.${link.kind}`)}</span>{' '}
              <button type="button" className="link-button" onClick={() => onOpen(link.other.id)}>
                {link.other.name}
              </button>{' '}
              <span className="hint">({categoryOf(link.other.category)})</span>
              {link.may_remove && !readOnly && (
                <button type="button" className="small-button" disabled={busy} onClick={() => void remove(link)}>
                  {t('connection.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayConnect && candidates.length > 0 && (
        <form className="link-form" onSubmit={(event) => void connect(event)} noValidate>
          <h4>{t('connection.add')}</h4>
          <label htmlFor={ids.kind}>{t('connection.addKind')}</label>
          <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as ConnectionKind)}>
            {connectionKinds.map((value) => (
              <option key={value} value={value}>
                {t(`connection.kind.from.${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.place}>{t('connection.addPlace')}</label>
          <select id={ids.place} value={otherId} aria-describedby={ids.hint} onChange={(event) => setOtherId(event.target.value)}>
            <option value="">{t('connection.choosePlace')}</option>
            {candidates.map((place) => (
              <option key={place.id} value={place.id}>
                {place.properties.name} ({categoryOf(place.properties.category)})
              </option>
            ))}
          </select>
          <p id={ids.hint} className="hint">
            {t('connection.addHint')}
          </p>
          <ErrorNote message={error} />
          <button type="submit" disabled={busy || !otherId}>
            {t('connection.save')}
          </button>
        </form>
      )}
      {!mayConnect && <ErrorNote message={error} />}
    </section>
  );
}
