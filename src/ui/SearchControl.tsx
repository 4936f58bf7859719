import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boxAroundPoint, type SearchEntry } from '../domain/placeSearch';
import { LocationSearch } from './LocationSearch';

interface SearchControlProps {
  entries: SearchEntry[];
  /** Show this entry: the map goes there (and a place opens). */
  onChoose(entry: SearchEntry): void;
  /** Show this box: where the user is, or an address found. */
  onShowBox(bbox: [number, number, number, number], message: string): void;
  /** A spot or shape is being set: the map's taps are the user's, so no button lies over it. */
  mapTapsTaken: boolean;
}

type LocationState = 'idle' | 'locating' | 'refused' | 'unknown' | 'unavailable';

/**
 * Over the map: "Zoek". Finds a buurt, wijk or place by name among what the
 * app holds (no internet needed) and, online, an address (LocationSearch.tsx);
 * and "Mijn locatie" from the browser, with a
 * clear message when the browser may not or cannot tell.
 */
export function SearchControl({ entries, onChoose, onShowBox, mapTapsTaken }: SearchControlProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [location, setLocation] = useState<LocationState>('idle');
  if (mapTapsTaken && open) setOpen(false);
  const panelId = useId();

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocation('unavailable');
      return;
    }
    setLocation('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocation('idle');
        setOpen(false);
        onShowBox(boxAroundPoint(position.coords.longitude, position.coords.latitude), t('search.located'));
      },
      (failure) => setLocation(failure.code === failure.PERMISSION_DENIED ? 'refused' : 'unknown'),
      { timeout: 15_000, maximumAge: 60_000 },
    );
  }

  if (mapTapsTaken) return null;
  return (
    <>
      <button
        type="button"
        className="search-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('search.title')}
        onClick={() => setOpen(!open)}
      >
        {t('search.button')}
      </button>
      {open && (
        <section id={panelId} className="search-panel" role="dialog" aria-label={t('search.title')}>
          <h2>{t('search.title')}</h2>
          <LocationSearch
            entries={entries}
            label={t('search.label')}
            onChoose={(found) => {
              setOpen(false);
              if (found.kind === 'entry') onChoose(found.entry);
              else onShowBox(boxAroundPoint(found.address.lon, found.address.lat), t('search.shownAddress', { name: found.address.name }));
            }}
          />
          <div className="actions">
            <button type="button" onClick={locate} disabled={location === 'locating'}>
              {t('search.myLocation')}
            </button>
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              {t('search.close')}
            </button>
          </div>
          {location === 'locating' && <p className="hint">{t('search.locating')}</p>}
          {(location === 'refused' || location === 'unknown' || location === 'unavailable') && (
            <p className="error" role="alert">
              {t(`search.location${location[0]!.toUpperCase()}${location.slice(1)}`)}
            </p>
          )}
        </section>
      )}
    </>
  );
}
