import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetFeature, Category, Werkgebied } from '../backend/wireTypes';
import { isPlaceSort, listPageSize, placeSorts, placesInScope, sortPlaces, type PlaceListScope, type PlaceSort } from '../domain/placeList';
import type { BoundingBox } from '../domain/types';
import { containsBox } from '../domain/loadedArea';
import { boxAround, boxAroundPoint } from '../domain/placeSearch';
import { categoryLabel } from './categoryLabel';
import { PanelHeader } from './PanelHeader';

/** Which places and in which order; kept by the Workspace while details are open, so "back" finds the list as it was. */
export interface PlaceListSettings {
  scope: PlaceListScope;
  sort: PlaceSort;
}

export const initialPlaceListSettings: PlaceListSettings = { scope: { kind: 'view' }, sort: 'name' };

interface PlaceListPanelProps {
  /** The places the map shows: filtered, with stale marks. */
  shown: AssetFeature[];
  /** The places the map holds before the filter, to say how many the filter leaves out. */
  held: AssetFeature[];
  /** The map holds fewer places than lie in its area (useAssets' limit): the list says so too. */
  partial: boolean;
  categories: Category[];
  werkgebieden: Werkgebied[];
  /** The map's view, for "what is on the map now" and for distances from its middle. */
  view: BoundingBox | null;
  settings: PlaceListSettings;
  onSettings(settings: PlaceListSettings): void;
  /** A werkgebied chosen: the map looks at it, so its places are loaded and seen. */
  onShowWerkgebied(werkgebied: Werkgebied): void;
  selectedId: string | null;
  /** Selected in the list: the map marks it. */
  onSelect(placeId: string): void;
  /** The map goes here: a place selected out of view. */
  onShowBox(bbox: [number, number, number, number]): void;
  onOpen(placeId: string): void;
  onAdd(): void;
  onClose(): void;
}

/**
 * The places as a list, a way in without the map: the same places and filter
 * as the map, in view or in a werkgebied, sortable. Selecting in the list marks
 * the place on the map; a place tapped on the map is selected here.
 */
export function PlaceListPanel(props: PlaceListPanelProps) {
  const { shown, held, partial, categories, werkgebieden, view, settings, onSettings, selectedId, onOpen, onAdd, onClose } = props;
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), scope: useId(), sort: useId() };
  const [rows, setRows] = useState(listPageSize);
  const selectedRow = useRef<HTMLLIElement>(null);

  const kindLabel = useMemo(() => {
    const labels = new Map(categories.map((category) => [category.id, categoryLabel(category, i18n.language)]));
    return (category: string) => labels.get(category) ?? category;
  }, [categories, i18n.language]);
  const colourOf = useMemo(() => new Map(categories.map((category) => [category.id, category.color])), [categories]);
  const places = useMemo(() => {
    const centre: [number, number] | null = view ? [(view.west + view.east) / 2, (view.south + view.north) / 2] : null;
    return sortPlaces(placesInScope(shown, settings.scope, view), settings.sort, { kindLabel, centre });
  }, [shown, settings, view, kindLabel]);
  const heldCount = useMemo(() => placesInScope(held, settings.scope, view).length, [held, settings.scope, view]);

  function select(place: AssetFeature) {
    props.onSelect(place.id);
    const box = boxAround(place.geometry.coordinates);
    // Out of view (a werkgebied's list): the map goes there; in view, the mark is enough and the list stays as it is.
    if (box && view && !containsBox(view, { west: box[0], south: box[1], east: box[2], north: box[3] }))
      props.onShowBox(place.geometry.type === 'Point' ? boxAroundPoint(box[0], box[1]) : box);
  }

  // A place selected on the map (or in the list after "Toon meer") is brought into the list's view.
  const selectedIndex = places.findIndex((place) => place.id === selectedId);
  if (selectedIndex >= rows) setRows(Math.ceil((selectedIndex + 1) / listPageSize) * listPageSize);
  useEffect(() => {
    selectedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);
  // Back from a place's details: the keyboard is where it was, on the place's row.
  useEffect(() => {
    selectedRow.current?.querySelector('button')?.focus();
  }, []);

  return (
    <section className="panel place-list" aria-labelledby={ids.title}>
      <PanelHeader titleId={ids.title} title={t('placeList.title')} closeLabel={t('placeList.close')} onClose={onClose} />
      <p className="hint">{t('placeList.intro')}</p>
      <div className="place-list-choices">
        <div>
          <label htmlFor={ids.scope}>{t('placeList.scope')}</label>
          <select
            id={ids.scope}
            value={settings.scope.kind === 'view' ? '' : settings.scope.id}
            onChange={(event) => {
              setRows(listPageSize);
              const werkgebied = werkgebieden.find((candidate) => candidate.id === event.target.value);
              onSettings({ ...settings, scope: werkgebied ? { kind: 'werkgebied', id: werkgebied.id } : { kind: 'view' } });
              if (werkgebied) props.onShowWerkgebied(werkgebied);
            }}
          >
            <option value="">{t('placeList.scopeView')}</option>
            {werkgebieden.map((werkgebied) => (
              <option key={werkgebied.id} value={werkgebied.id}>
                {t('placeList.scopeWerkgebied', { name: werkgebied.name })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.sort}>{t('placeList.sort')}</label>
          <select
            id={ids.sort}
            value={settings.sort}
            onChange={(event) => {
              if (isPlaceSort(event.target.value)) onSettings({ ...settings, sort: event.target.value });
            }}
          >
            {placeSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`placeList.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="place-list-count" role="status">
        {places.length === 0
          ? t('placeList.none')
          : places.length < heldCount
            ? t('placeList.countFiltered', { shown: places.length, total: heldCount })
            : t('placeList.count', { count: places.length })}
      </p>
      {partial && <p className="notice">{t('placeList.partial')}</p>}
      <ul className="place-list-rows">
        {places.slice(0, rows).map((place) => {
          const selected = place.id === selectedId;
          return (
            <li key={place.id} ref={selected ? selectedRow : undefined} className={selected ? 'selected' : undefined}>
              <button type="button" className="place-list-place" aria-pressed={selected} onClick={() => select(place)}>
                <span className="swatch" style={{ background: colourOf.get(place.properties.category) }} aria-hidden="true" />
                <span className="place-list-name">{place.properties.name}</span>
                <span className="place-list-what">
                  {kindLabel(place.properties.category)}
                  {place.properties.stale ? ` · ${t('placeList.stale')}` : ''}
                </span>
              </button>
              {selected && (
                <button type="button" aria-label={t('placeList.open', { name: place.properties.name })} onClick={() => onOpen(place.id)}>
                  {t('placeList.openShort')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {places.length > rows && (
        <button type="button" onClick={() => setRows(rows + listPageSize)}>
          {t('placeList.more', { count: Math.min(listPageSize, places.length - rows) })}
        </button>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onAdd}>
          {t('placeList.add')}
        </button>
      </div>
    </section>
  );
}
