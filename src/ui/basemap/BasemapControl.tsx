import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapShown } from '../../map/basemapSwitch';
import { labelFontLicenceUrl } from '../../map/labelFonts';
import type { StoredBasemapState } from './useStoredBasemap';

interface BasemapControlProps {
  /** What the map draws beneath the places; null until the map knows. */
  shown: BasemapShown | null;
  stored: StoredBasemapState;
  /** A spot or a route's points are being set: the map's taps are the user's, so no button lies over it. */
  mapTapsTaken: boolean;
}

const preferences = [
  { value: 'online', label: 'basemap.preferOnline' },
  { value: 'stored', label: 'basemap.preferStored' },
] as const;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });

/**
 * Over the map: the notice when there is no internet (and a way to load a map
 * file right there), and the "Kaart" button with the choices for the background map.
 */
export function BasemapControl({ shown, stored, mapTapsTaken }: BasemapControlProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // A tap meant for the map (a route's next point) must not land on a button or the panel:
  // the panel closes and the buttons step aside until the spot or shape is set.
  if (mapTapsTaken && open) setOpen(false);
  const panelId = useId();
  const fileInputId = useId();
  const { basemap, preference, setPreference, busy, problem, load, remove } = stored;

  return (
    <>
      {shown === 'none' && (
        <p className="map-notice">
          {t('app.offlineBasemap')}
          {!mapTapsTaken && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => setOpen(true)}>
                {t('basemap.loadFromNotice')}
              </button>
            </>
          )}
        </p>
      )}
      {shown === 'stored' && preference === 'online' && <p className="map-notice">{t('basemap.offlineStored')}</p>}
      {!mapTapsTaken && (
        <button
          type="button"
          className="basemap-button"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={t('basemap.buttonName')}
          onClick={() => setOpen(!open)}
        >
          {t('basemap.open')}
        </button>
      )}
      {open && (
        <section id={panelId} className="basemap-panel" role="dialog" aria-label={t('basemap.title')}>
          <h2>{t('basemap.title')}</h2>
          <p>{t('basemap.intro')}</p>
          {basemap ? (
            <>
              <p className="basemap-file">{t('basemap.storedFile', { name: basemap.fileName, size: megabytes(basemap.file.size) })}</p>
              <fieldset>
                <legend>{t('basemap.which')}</legend>
                {preferences.map(({ value, label }) => (
                  <label key={value}>
                    <input type="radio" name="basemap-preference" checked={preference === value} onChange={() => setPreference(value)} />
                    {t(label)}
                  </label>
                ))}
              </fieldset>
              <button type="button" onClick={() => void remove()} disabled={busy}>
                {t('basemap.remove')}
              </button>
            </>
          ) : (
            <p className="basemap-file">{t('basemap.noneStored')}</p>
          )}
          <label htmlFor={fileInputId} className="basemap-choose">
            {t('basemap.choose')}
          </label>
          <input
            id={fileInputId}
            type="file"
            accept=".pmtiles"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void load(file);
            }}
          />
          {busy && <p role="status">{t('basemap.storing')}</p>}
          {problem && (
            <p className="error" role="alert">
              {t(`basemap.errors.${problem}`)}
            </p>
          )}
          <p className="hint">
            {t('basemap.fontCredit')}{' '}
            <a href={labelFontLicenceUrl} target="_blank" rel="noopener">
              {t('basemap.fontLicence')}
            </a>
          </p>
          <button type="button" onClick={() => setOpen(false)}>
            {t('basemap.close')}
          </button>
        </section>
      )}
    </>
  );
}
