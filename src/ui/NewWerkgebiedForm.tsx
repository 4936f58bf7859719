import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AreaCollection, Werkgebied } from '../backend/wireTypes';
import { areaGroups } from '../domain/areaGroups';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface Props {
  api: WijkkrachtApi;
  areas: AreaCollection;
  onCreated(werkgebied: Werkgebied): void;
}

/** "Nieuw werkgebied": a name, the imported areas it is made of, and whether residents' additions wait for review. */
export function NewWerkgebiedForm({ api, areas, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [reviewFirst, setReviewFirst] = useState(true);
  const { busy, error, setError, run } = useAction();
  const ids = { title: useId(), name: useId(), filter: useId(), areas: useId(), reviewHint: useId() };
  const groups = useMemo(
    () =>
      areaGroups(
        areas.features.map((area) => area.properties),
        filter,
        i18n.language,
      ),
    [areas, filter, i18n.language],
  );

  const toggle = (code: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  async function create(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setError(t('errors.required_name'));
      return;
    }
    if (chosen.size === 0) {
      setError(t('werkgebieden.chooseArea'));
      return;
    }
    await run(async () => {
      const created = await api.createWerkgebied({ name: name.trim(), areaCodes: [...chosen], reviewFirst });
      setName('');
      setChosen(new Set());
      setFilter('');
      onCreated(created);
    });
  }

  return (
    <form className="new-werkgebied" aria-labelledby={ids.title} onSubmit={create} noValidate>
      <h3 id={ids.title}>{t('werkgebieden.new')}</h3>
      <label htmlFor={ids.name}>{t('werkgebieden.name')}</label>
      <input id={ids.name} value={name} maxLength={200} aria-required="true" onChange={(event) => setName(event.target.value)} />

      <fieldset className="area-choice" aria-describedby={ids.areas}>
        <legend>{t('werkgebieden.areas')}</legend>
        <p className="hint" id={ids.areas}>
          {t('werkgebieden.areasHint')} {t('werkgebieden.chosen', { count: chosen.size })}
        </p>
        {areas.features.length === 0 ? (
          <p className="notice">{t('werkgebieden.noAreas')}</p>
        ) : (
          <>
            <label htmlFor={ids.filter} className="sub-label">
              {t('werkgebieden.filter')}
            </label>
            <input id={ids.filter} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
            <div className="area-scroll">
              {groups.length === 0 && <p className="hint">{t('werkgebieden.noMatch')}</p>}
              {groups.map((group) => (
                <fieldset key={group.level} className="area-group">
                  <legend>{t(`werkgebieden.level.${group.level}`)}</legend>
                  {group.areas.map((area) => (
                    <label key={area.code} className="check-row">
                      <input
                        type="checkbox"
                        checked={chosen.has(area.code)}
                        onChange={(event) => toggle(area.code, event.target.checked)}
                      />
                      <span>{area.label}</span>
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
          </>
        )}
      </fieldset>

      <label className="check-row">
        <input
          type="checkbox"
          checked={reviewFirst}
          aria-describedby={ids.reviewHint}
          onChange={(event) => setReviewFirst(event.target.checked)}
        />
        <span>{t('werkgebieden.reviewFirst')}</span>
      </label>
      <p className="hint" id={ids.reviewHint}>
        {t('werkgebieden.reviewFirstHint')}
      </p>
      <ErrorNote message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('werkgebieden.creating') : t('werkgebieden.create')}
      </button>
    </form>
  );
}
