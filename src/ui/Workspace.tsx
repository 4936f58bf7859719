import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../backend/backend';
import { hasTypedContent } from '../domain/placeDraft';
import type { FeatureCollection } from 'geojson';
import type { AssetFeature, Category, GapCellCollection } from '../backend/wireTypes';
import { AddPlacePanel } from './AddPlacePanel';
import { AssetPanel } from './AssetPanel';
import { ExportDialog } from './ExportDialog';
import { FirstRunScreen } from './FirstRunScreen';
import { ImportDialog } from './ImportDialog';
import { MapView } from './MapView';
import { PlannerPanel } from './planner/PlannerPanel';
import { initialPlannerState, type PlannerState } from './planner/plannerState';
import { TopBar } from './TopBar';
import { useAssets } from './useAssets';
import { useErrorText } from './useErrorText';
import { useMapContext } from './useMapContext';
import { usePlaceDraft } from './usePlaceDraft';

const noCandidates: PlannerState['candidates'] = [];

type Mode =
  | { name: 'browse' }
  | { name: 'placing' }
  | { name: 'form' }
  | { name: 'details'; assetId: string }
  | { name: 'import' }
  | { name: 'export' }
  | { name: 'planner' };

/** The map with its panels: browse, add a place, look at one. */
export function Workspace({ backend }: { backend: Backend }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api } = backend;
  const [categories, setCategories] = useState<Category[]>([]);
  const { assets, loadError, load, upsert, reload } = useAssets(api);
  const mapContext = useMapContext(api);
  const [preview, setPreview] = useState<FeatureCollection | null>(null);
  // Where the map should look after a first-run load: the new boundaries.
  const [focus, setFocus] = useState<FeatureCollection | null>(null);
  const { draft, setDraft, clearDraft, restoredFromEarlier } = usePlaceDraft();
  // A draft with a spot and typed text from before a reload reopens its form.
  const [mode, setMode] = useState<Mode>(() => (draft.lon !== null && hasTypedContent(draft) ? { name: 'form' } : { name: 'browse' }));
  const [basemapOffline, setBasemapOffline] = useState(false);
  const [status, setStatus] = useState('');
  // Kept while the planner is closed, so reopening it shows the same question.
  const [planner, setPlanner] = useState<PlannerState>(initialPlannerState);
  const [gapCells, setGapCells] = useState<GapCellCollection | null>(null);
  const changePlanner = useCallback((change: Partial<PlannerState>) => setPlanner((current) => ({ ...current, ...change })), []);

  useEffect(() => {
    api.listCategories().then(setCategories, (error: unknown) => setStatus(errorText(error)));
    // Categories are loaded once per backend.
  }, [api]);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const whatIfTapping = mode.name === 'planner' && planner.whatIf;
  const onMapClick = useCallback(
    (lngLat: { lon: number; lat: number }) => {
      if (whatIfTapping) {
        setPlanner((current) => ({
          ...current,
          candidates: [...current.candidates, { type: 'Point', coordinates: [lngLat.lon, lngLat.lat] }],
        }));
        return;
      }
      setDraft((current) => ({ ...current, lon: lngLat.lon, lat: lngLat.lat }));
      setMode({ name: 'form' });
    },
    [setDraft, whatIfTapping],
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

  const afterImport = useCallback(
    (message: string, showAreas = false) => {
      mapContext.finishFirstRun();
      void mapContext.refresh().then((areas) => {
        if (showAreas) setFocus(areas as FeatureCollection);
      });
      reload();
      setStatus(message);
    },
    [mapContext, reload],
  );

  return (
    <div className="workspace">
      <TopBar
        backendName={backend.name}
        onImport={() => setMode({ name: 'import' })}
        onExport={() => setMode({ name: 'export' })}
        onPlanner={() => {
          setMode({ name: 'planner' });
          // A planner looks at the whole municipality, not at the last import.
          if (mapContext.areas.features.length > 0) setFocus({ ...mapContext.areas } as FeatureCollection);
        }}
      />
      <div className="map-area">
        <MapView
          assets={assets}
          areas={mapContext.areas}
          preview={preview}
          focus={focus}
          attributions={mapContext.attributions}
          categories={categories}
          selectedId={mode.name === 'details' ? mode.assetId : null}
          draftLocation={placingOrForm && draft.lon !== null && draft.lat !== null ? { lon: draft.lon, lat: draft.lat } : null}
          placing={placingOrForm || whatIfTapping}
          gapCells={mode.name === 'planner' ? gapCells : null}
          gapGroup={planner.group}
          candidates={mode.name === 'planner' ? planner.candidates : noCandidates}
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
        {mapContext.showFirstRun && mode.name === 'browse' && (
          <FirstRunScreen
            api={api}
            onImportFiles={() => {
              mapContext.finishFirstRun();
              setMode({ name: 'import' });
            }}
            onLoaded={(message) => afterImport(message, true)}
            onStartEmpty={mapContext.finishFirstRun}
          />
        )}
        {mode.name === 'browse' && !mapContext.showFirstRun && (
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
      {mode.name === 'import' && (
        <ImportDialog
          api={api}
          categories={categories}
          onPreview={setPreview}
          onImported={(report) => afterImport(t('import.done', { added: report.added, updated: report.updated }))}
          onClose={() => setMode({ name: 'browse' })}
        />
      )}
      {mode.name === 'planner' && (
        <PlannerPanel
          api={api}
          categories={categories}
          areas={mapContext.areas}
          state={planner}
          onChange={changePlanner}
          onGapCells={setGapCells}
          onClose={() => setMode({ name: 'browse' })}
        />
      )}
      {mode.name === 'export' && <ExportDialog api={api} onClose={() => setMode({ name: 'browse' })} />}
      {mode.name === 'details' && (
        <AssetPanel api={api} assetId={mode.assetId} categories={categories} onClose={() => setMode({ name: 'browse' })} />
      )}
      <p className="status-toast" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
