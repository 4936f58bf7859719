import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../backend/wireTypes';
import { isFiltering, noFilter, type PlaceFilter } from '../domain/placeFilter';
import { toggleDimension } from '../domain/placeDraft';
import { careDomains, type CareDomain, type TargetGroup } from '../domain/types';
import { keyFiguresInOrder, type KeyFigure } from '../domain/keyFigures';
import { categoryLabel } from './categoryLabel';
import { DimensionPicker } from './DimensionPicker';

interface PlaceFilterControlProps {
  categories: Category[];
  filter: PlaceFilter;
  onChange(filter: PlaceFilter): void;
  /** Places on the map after the filter, and held before it. */
  shown: number;
  total: number;
  /** A spot or shape is being set: the map's taps are the user's, so no button lies over it. */
  mapTapsTaken: boolean;
  /** Residents per cell on the map: all, 65+, or not shown (null); no choice where not given (a shared link). */
  population?: TargetGroup | null;
  onPopulation?(group: TargetGroup | null): void;
  /** The CBS key figure that colours the areas, or none (null); no choice where not given. */
  keyFigure?: KeyFigure | null;
  onKeyFigure?(figure: KeyFigure | null): void;
}

const groups = [...careDomains, 'none'] as const;
const groupOf = (category: Category): CareDomain | 'none' => category.domain ?? 'none';

/**
 * Over the map: "Legenda en filter". The kinds of place with their colours,
 * grouped by domain, each a box to tick; the domains; the six dimensions.
 * Nothing ticked in a group shows all of it.
 */
export function PlaceFilterControl(props: PlaceFilterControlProps) {
  const { categories, filter, onChange, shown, total, mapTapsTaken, population, onPopulation, keyFigure, onKeyFigure } = props;
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  if (mapTapsTaken && open) setOpen(false);
  const panelId = useId();
  const active = filter.categories.length + filter.dimensions.length + filter.domains.length;

  if (mapTapsTaken) return null;
  return (
    <>
      <button
        type="button"
        className={`filter-button ${active > 0 ? 'filter-on' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={active > 0 ? t('filter.buttonNameActive', { count: active }) : t('filter.buttonName')}
        onClick={() => setOpen(!open)}
      >
        {active > 0 ? t('filter.buttonActive', { count: active }) : t('filter.button')}
      </button>
      {open && (
        <section id={panelId} className="filter-panel" role="dialog" aria-label={t('filter.title')}>
          <h2>{t('filter.title')}</h2>
          <p className="hint">{t('filter.intro')}</p>
          {isFiltering(filter) && <p className="filter-count">{t('filter.shown', { shown, total })}</p>}
          <fieldset className="filter-domains">
            <legend>{t('filter.domains')}</legend>
            {careDomains.map((domain) => (
              <label key={domain} className="checkbox-line">
                <input
                  type="checkbox"
                  checked={filter.domains.includes(domain)}
                  onChange={() => onChange({ ...filter, domains: toggleDimension(filter.domains, domain) })}
                />
                {t(`filter.domain.${domain}`)}
              </label>
            ))}
          </fieldset>
          <DimensionPicker
            selected={filter.dimensions}
            onChange={(dimensions) => onChange({ ...filter, dimensions })}
            legend={t('filter.dimensions')}
            hint={null}
          />
          <fieldset className="filter-kinds">
            <legend>{t('filter.kinds')}</legend>
            {groups.map((group) => {
              const inGroup = categories.filter((category) => groupOf(category) === group);
              if (inGroup.length === 0) return null;
              return (
                <div key={group} className="filter-group">
                  <h3>{t(`filter.domain.${group}`)}</h3>
                  {inGroup.map((category) => (
                    <label key={category.id} className="checkbox-line">
                      <input
                        type="checkbox"
                        checked={filter.categories.includes(category.id)}
                        onChange={() => onChange({ ...filter, categories: toggleDimension(filter.categories, category.id) })}
                      />
                      <span className="swatch" style={{ background: category.color }} aria-hidden="true" />
                      {categoryLabel(category, i18n.language)}
                    </label>
                  ))}
                </div>
              );
            })}
          </fieldset>
          {onPopulation && (
            <fieldset className="filter-population">
              <legend>{t('filter.population')}</legend>
              {(['none', 'all', '65plus'] as const).map((choice) => (
                <label key={choice} className="checkbox-line">
                  <input
                    type="radio"
                    name={`${panelId}-population`}
                    checked={(population ?? 'none') === choice}
                    onChange={() => onPopulation(choice === 'none' ? null : choice)}
                  />
                  {t(`filter.populationChoice.${choice}`)}
                </label>
              ))}
            </fieldset>
          )}
          {onKeyFigure && (
            <label className="filter-key-figure">
              {t('keyFigures.choose')}
              <select
                value={keyFigure ?? ''}
                onChange={(event) => onKeyFigure(event.target.value === '' ? null : (event.target.value as KeyFigure))}
              >
                <option value="">{t('keyFigures.none')}</option>
                {keyFiguresInOrder.map((figure) => (
                  <option key={figure} value={figure}>
                    {t(`keyFigures.figure.${figure}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="actions">
            <button type="button" disabled={!isFiltering(filter)} onClick={() => onChange(noFilter)}>
              {t('filter.reset')}
            </button>
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              {t('filter.close')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
