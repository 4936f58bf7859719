import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEntry } from '../domain/placeSearch';
import { pointOnShape } from '../domain/pointOnShape';
import { LocationSearch } from './LocationSearch';

interface PlaceLocationChooserProps {
  /** The buurten and places the app holds (useSearchEntries). */
  entries: SearchEntry[];
  /** Whether the new place has a spot yet. */
  located: boolean;
  /** What the spot was chosen as ("Vlinderwijk", "Stadhuisplein 1, 2311EJ Leiden"); null: tapped on the map. */
  chosenName: string | null;
  onChoose(lon: number, lat: number, name: string): void;
}

/**
 * "Waar is de plek?" without the map: a buurt from a list, or an address,
 * street or place by search. For keyboard and screen-reader users, and for
 * anyone who knows the address but not the map.
 */
export function PlaceLocationChooser({ entries, located, chosenName, onChoose }: PlaceLocationChooserProps) {
  const { t } = useTranslation();
  const buurtId = useId();
  const [buurt, setBuurt] = useState('');
  // The buurten; where none are loaded (the demo's one area), whatever areas there are.
  const buurten = useMemo(() => {
    const areas = entries.filter((entry) => entry.kind === 'area');
    const smallest = areas.some((entry) => entry.level === 'buurt') ? areas.filter((entry) => entry.level === 'buurt') : areas;
    return smallest.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [entries]);

  return (
    <fieldset className="place-where">
      <legend>{t('placeList.where.legend')}</legend>
      <p className="where-now" role="status">
        {!located ? t('placeList.where.none') : chosenName ? t('placeList.where.chosen', { name: chosenName }) : t('placeList.where.onMap')}
      </p>
      {buurten.length > 0 && (
        <>
          <label htmlFor={buurtId}>{t('placeList.where.buurt')}</label>
          <select
            id={buurtId}
            value={buurt}
            onChange={(event) => {
              setBuurt(event.target.value);
              const chosen = buurten.find((entry) => entry.id === event.target.value);
              if (chosen) onChoose(...pointOnShape(chosen.geometry), chosen.name);
            }}
          >
            <option value="">{t('placeList.where.noBuurt')}</option>
            {buurten.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </>
      )}
      <LocationSearch
        entries={entries}
        label={t('placeList.where.search')}
        onChoose={(found) => {
          setBuurt('');
          if (found.kind === 'entry') onChoose(...pointOnShape(found.entry.geometry), found.entry.name);
          else onChoose(found.address.lon, found.address.lat, found.address.name);
        }}
      />
    </fieldset>
  );
}
