import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../backend/backend';
import { hasTypedContent } from '../domain/placeDraft';
import type { AssetFeature, Category } from '../domain/types';
import { AddPlacePanel } from './AddPlacePanel';
import { AssetPanel } from './AssetPanel';
import { MapView } from './MapView';
import { TopBar } from './TopBar';
import { useAssets } from './useAssets';
import { useErrorText } from './useErrorText';
import { usePlaceDraft } from './usePlaceDraft';

type Mode = { name: 'browse' } | { name: 'placing' } | { name: 'form' } | { name: 'details'; assetId: string };

/** The map with its panels: browse, add a place, look at one. */
export function Workspace({ backend }: { backend: Backend }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api } = backend;
  const [categories, setCategories] = useState<Category[]>([]);
  const { assets, loadError, load, upsert } = useAssets(api);
  const { draft, setDraft, clearDraft, restoredFromEarlier } = usePlaceDraft();
  // A draft with a spot and typed text from before a reload reopens its form.
  const [mode, setMode] = useState<Mode>(() =>
    draft.lon !== null && hasTypedContent(draft) ? { name: 'form' } : { name: 'browse' },
  );
  const [basemapOffline, setBasemapOffline] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    api.listCategories().then(setCategories, (error: unknown) => setStatus(errorText(error)));
    // Categories are loaded once per backend.
  }, [api]);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const onMapClick = useCallback(
    (lngLat: { lon: number; lat: number }) => {
      setDraft((current) => ({ ...current, lon: lngLat.lon, lat: lngLat.lat }));
      setMode({ name: 'form' });
    },
    [setDraft],
  );

  const onSaved = useCallback(
    (feature: AssetFeature) => {
      upsert(feature);
      clearDraft();
      setMode({ name: 'details', assetId: feature.id });
      setStatus(t('add.saved'));
    },
    [upsert, clearDraft, t],
  );

  const placingOrForm = mode.name === 'placing' || mode.name === 'form';

  return (
    <div className="workspace">
      <TopBar backendName={backend.name} />
      <div className="map-area">
        <MapView
          assets={assets}
          categories={categories}
          selectedId={mode.name === 'details' ? mode.assetId : null}
          draftLocation={placingOrForm && draft.lon !== null && draft.lat !== null ? { lon: draft.lon, lat: draft.lat } : null}
          placing={placingOrForm}
          onMapClick={onMapClick}
          onAssetClick={(assetId) => setMode({ name: 'details', assetId })}
          onViewChange={(bbox) => void load(bbox)}
          onBasemapOffline={() => setBasemapOffline(true)}
        />
        {basemapOffline && <p className="map-notice">{t('app.offlineBasemap')}</p>}
        {loadError !== null && (
          <p className="map-notice error" role="alert">
            {t('errors.loadFailed')} {errorText(loadError)}
          </p>
        )}
        {mode.name === 'browse' && (
          <button type="button" className="primary add-button" onClick={() => setMode({ name: 'placing' })}>
            + {t('add.button')}
          </button>
        )}
        {mode.name === 'placing' && (
          <div className="placing-banner" role="status">
            <p>{t('add.tapMap')}</p>
            <button type="button" onClick={() => setMode({ name: 'browse' })}>
              {t('add.cancel')}
            </button>
          </div>
        )}
      </div>
      {mode.name === 'form' && (
        <AddPlacePanel
          api={api}
          categories={categories}
          draft={draft}
          restoredFromEarlier={restoredFromEarlier}
          setDraft={setDraft}
          onSaved={onSaved}
          onCancel={() => setMode({ name: 'browse' })}
        />
      )}
      {mode.name === 'details' && (
        <AssetPanel api={api} assetId={mode.assetId} categories={categories} onClose={() => setMode({ name: 'browse' })} />
      )}
      <p className="status-toast" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
