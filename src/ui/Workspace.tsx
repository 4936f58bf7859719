import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../backend/backend';
import { hasTypedContent } from '../domain/placeDraft';
import type { FeatureCollection } from 'geojson';
import type { AssetFeature, Category, ModerationItem } from '../backend/wireTypes';
import type { GapLayer } from '../map/gapLayers';
import type { ShapeDrawing } from '../map/shapeDrawing';
import { circleCategory } from '../domain/circles';
import { mayAddCircles, moderatesAnywhere } from '../domain/roles';
import { PlaceFilterControl } from './PlaceFilterControl';
import { useFilteredAssets, usePlaceFilter } from './usePlaceFilter';
import { useStaleMarks } from './useStaleMarks';
import { useSearchEntries } from './useSearchEntries';
import { SearchControl } from './SearchControl';
import { initialPlaceListSettings, PlaceListPanel } from './PlaceListPanel';
import { boxAroundPoint } from '../domain/placeSearch';
import type { BoundingBox, TargetGroup } from '../domain/types';
import type { Bbox } from '../map/WijkMap';
import { defaultStaleAfterMonths } from '../domain/freshness';
import { AddPlacePanel } from './AddPlacePanel';
import { AssetPanel } from './AssetPanel';
import { DatabaseStartNote } from './DatabaseStartNote';
import { AddingBanner } from './drawing/AddingBanner';
import { useShapeDraft } from './drawing/useShapeDraft';
import { FirstRunScreen } from './FirstRunScreen';
import { ExportDialog, ImportDialog, NearbyPanel, PlannerPanel, ShareDialog, WerkgebiedenDialog, WhenLoaded } from './lazyScreens';
import { initialNearbyChoice, type NearbyChoice, type NearbySpot } from './nearby/nearbyChoice';
import { MapView } from './MapView';
import { focusOn } from './mapFocus';
import { ModerationPanel } from './ModerationPanel';
import { StaffSignIn } from './StaffSignIn';
import { initialPlannerState, type PlannerState } from './planner/plannerState';
import { TopBar } from './TopBar';
import { PartlyShownNote } from './PartlyShownNote';
import { useAssets } from './useAssets';
import { useErrorText } from './useErrorText';
import { useMapContext } from './useMapContext';
import { useModerationQueue } from './useModerationQueue';
import { useMyRoles } from './useMyRoles';
import { PopulationLegend } from './PopulationLegend';
import { KeyFigureLegend } from './KeyFigureLegend';
import { useKeyFigureLayer } from './useKeyFigureLayer';
import type { KeyFigure } from '../domain/keyFigures';
import { usePopulationLayer } from './usePopulationLayer';
import { usePlaceDraft } from './usePlaceDraft';
import { useWerkgebieden } from './useWerkgebieden';

const noCandidates: PlannerState['candidates'] = [];
const noLinkLines: FeatureCollection = { type: 'FeatureCollection', features: [] };

type Mode =
  | { name: 'browse' }
  | { name: 'placing' }
  | { name: 'form' }
  | { name: 'details'; assetId: string; fromList?: boolean; fromNearby?: NearbySpot }
  | { name: 'list'; selectedId: string | null }
  | { name: 'nearby'; spot: NearbySpot | null }
  | { name: 'import' }
  | { name: 'export' }
  | { name: 'share' }
  | { name: 'planner' }
  | { name: 'moderation'; selected: ModerationItem | null }
  | { name: 'werkgebieden' };

interface WorkspaceProps {
  /** Usable before the database is ready: its calls wait (startBackend.ts). */
  backend: Backend;
  onRetry(): void;
}

/** The map with its panels: browse, add a place, look at one. The map is there before the database. */
export function Workspace({ backend, onRetry }: WorkspaceProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api } = backend;
  const [categories, setCategories] = useState<Category[]>([]);
  const { assets, partlyShown, loadError, load, upsert, reload } = useAssets(api);
  const { filter, setFilter } = usePlaceFilter();
  const shownAssets = useFilteredAssets(assets, categories, filter);
  // The open place's connections, drawn as lines on the map.
  const [linkLines, setLinkLines] = useState<FeatureCollection>(noLinkLines);
  const mapContext = useMapContext(api);
  const searchEntries = useSearchEntries(mapContext.areas, assets, categories);
  // What "Zoek" or "Mijn locatie" asked the map to show (a new array each time).
  const [shownBox, setShownBox] = useState<Bbox | null>(null);
  // The map's view, for the list's "what is on the map now".
  const [view, setView] = useState<BoundingBox | null>(null);
  const [listSettings, setListSettings] = useState(initialPlaceListSettings);
  // Kept while a place found nearby is open, so "back" finds the same question.
  const [nearbyChoice, setNearbyChoice] = useState<NearbyChoice>(initialNearbyChoice);
  // Residents per cell on the map, chosen under "Legenda en filter"; null: not shown.
  const [populationGroup, setPopulationGroup] = useState<TargetGroup | null>(null);
  // Counts the imports, so what shows the data asks again.
  const [dataVersion, setDataVersion] = useState(0);
  const population = usePopulationLayer(api, populationGroup, dataVersion);
  // A CBS key figure colouring the areas, chosen there too; null: not shown.
  const [keyFigure, setKeyFigure] = useState<KeyFigure | null>(null);
  const keyFigures = useKeyFigureLayer(api, keyFigure, dataVersion, mapContext.areas);
  const populationOnMap = useMemo(
    () => (population.layer && populationGroup ? { cells: population.layer.cells, group: populationGroup } : null),
    [population.layer, populationGroup],
  );
  const { roles, reload: reloadRoles } = useMyRoles(api);
  const werkgebieden = useWerkgebieden(api);
  const staleAfterMonthsOf = useCallback(
    (werkgebiedId: string | null) =>
      werkgebieden.werkgebieden.find((werkgebied) => werkgebied.id === werkgebiedId)?.stale_after_months ?? defaultStaleAfterMonths,
    [werkgebieden.werkgebieden],
  );
  const mapAssets = useStaleMarks(shownAssets, staleAfterMonthsOf);

  const moderates = moderatesAnywhere(roles);
  const queue = useModerationQueue(api, moderates);
  const [preview, setPreview] = useState<FeatureCollection | null>(null);
  // Where the map should look after a first-run load: the new boundaries.
  const [focus, setFocus] = useState<FeatureCollection | null>(null);
  const { draft, setDraft, clearDraft, restoredFromEarlier } = usePlaceDraft();
  const shapeDraft = useShapeDraft();
  const [drawing, setDrawing] = useState<ShapeDrawing | null>(null);
  // A drawn route or area, or a spot with typed text, from before a reload reopens its form.
  const [mode, setMode] = useState<Mode>(() =>
    shapeDraft.shape !== null || (draft.lon !== null && hasTypedContent(draft)) ? { name: 'form' } : { name: 'browse' },
  );
  const [status, setStatus] = useState('');
  // Kept while the planner is closed, so reopening it shows the same question.
  const [planner, setPlanner] = useState<PlannerState>(initialPlannerState);
  const [gapLayer, setGapLayer] = useState<GapLayer | null>(null);
  const changePlanner = useCallback(
    (change: Partial<PlannerState>) => {
      setPlanner((current) => ({ ...current, ...change }));
      // A werkgebied chosen in the planner: the map looks at it.
      const chosen = change.werkgebiedId && werkgebieden.werkgebieden.find((werkgebied) => werkgebied.id === change.werkgebiedId);
      if (chosen) setFocus(focusOn(chosen.geometry));
    },
    [werkgebieden.werkgebieden],
  );

  useEffect(() => {
    api.listCategories().then(setCategories, (error: unknown) => setStatus(errorText(error)));
    // Categories are loaded once per backend.
  }, [api]);

  useEffect(() => {
    if (!status) return;
    // Longer messages stay longer: about the time it takes to read them.
    const timer = setTimeout(() => setStatus(''), Math.max(6000, status.length * 80));
    return () => clearTimeout(timer);
  }, [status]);

  const whatIfTapping = mode.name === 'planner' && planner.whatIf;
  // The spot was set with Enter on the map: the form takes the keyboard's focus when it opens.
  const [placedByKeyboard, setPlacedByKeyboard] = useState(false);
  const nearbyTapping = mode.name === 'nearby';
  const onMapClick = useCallback(
    (lngLat: { lon: number; lat: number; byKeyboard?: boolean }) => {
      if (nearbyTapping) {
        setMode({ name: 'nearby', spot: { lon: lngLat.lon, lat: lngLat.lat } });
        return;
      }
      if (whatIfTapping) {
        setPlanner((current) => ({
          ...current,
          candidates: [...current.candidates, { type: 'Point', coordinates: [lngLat.lon, lngLat.lat] }],
        }));
        return;
      }
      // The form of a drawn route or area: a tap does not turn it into a place ("Opnieuw tekenen" redraws it).
      if (shapeDraft.shape) return;
      setDraft((current) => ({ ...current, lon: lngLat.lon, lat: lngLat.lat }));
      setPlacedByKeyboard(lngLat.byKeyboard ?? false);
      setMode({ name: 'form' });
    },
    [setDraft, whatIfTapping, nearbyTapping, shapeDraft.shape],
  );

  const onSaved = useCallback(
    (feature: AssetFeature) => {
      upsert(feature);
      clearDraft();
      setMode({ name: 'details', assetId: feature.id });
      // A resident's place in a werkgebied that reviews first waits; say who sees it until then.
      setStatus(t(feature.properties.status === 'pending' ? 'add.savedPending' : 'add.saved'));
      queue.reload();
    },
    [upsert, clearDraft, t, queue.reload],
  );

  /** Something changed an asset's status or content: the map and the queue load again. */
  const afterChange = useCallback(
    (message: string) => {
      reload();
      queue.reload();
      setStatus(message);
    },
    [reload, queue.reload],
  );

  const placingOrForm = mode.name === 'placing' || mode.name === 'form';

  const afterImport = useCallback(
    (message: string, showAreas = false) => {
      mapContext.finishFirstRun();
      void mapContext.refresh().then((areas) => {
        if (showAreas) setFocus(areas as FeatureCollection);
      });
      reload();
      queue.reload();
      setDataVersion((version) => version + 1);
      setStatus(message);
    },
    [mapContext, reload, queue.reload],
  );

  const selectedId =
    mode.name === 'details'
      ? mode.assetId
      : mode.name === 'list'
        ? mode.selectedId
        : mode.name === 'moderation' && mode.selected
          ? mode.selected.asset_id
          : null;

  /** "Voeg een plek toe" without the map: the form opens without a spot and asks for a buurt or address. */
  const addWithoutMap = useCallback(() => {
    shapeDraft.clearShape();
    setDraft((current) => ({ ...current, lon: null, lat: null }));
    // Its first field ("Waar is de plek?") takes the focus: the button that opened it is gone.
    setPlacedByKeyboard(true);
    setMode({ name: 'form' });
  }, [setDraft, shapeDraft]);

  return (
    <div className="workspace">
      <TopBar
        backendName={backend.name}
        onImport={() => setMode({ name: 'import' })}
        onExport={() => setMode({ name: 'export' })}
        onShare={() => setMode({ name: 'share' })}
        onPlanner={() => {
          setMode({ name: 'planner' });
          // A planner looks at the whole municipality, not at the last import.
          if (mapContext.areas.features.length > 0) setFocus({ ...mapContext.areas } as FeatureCollection);
        }}
        moderationCount={moderates ? (queue.items?.length ?? 0) : null}
        onModeration={() => {
          setMode({ name: 'moderation', selected: null });
          queue.reload();
        }}
        showWerkgebieden={roles?.is_admin ?? false}
        onWerkgebieden={() => setMode({ name: 'werkgebieden' })}
        account={
          backend.staffSignIn && (
            <StaffSignIn
              signIn={backend.staffSignIn}
              onSignedOut={() => {
                // Back to an anonymous resident: what may be seen and done changes.
                reloadRoles();
                afterChange('');
              }}
            />
          )
        }
      />
      <div className="map-area">
        <MapView
          assets={mapAssets}
          areas={mapContext.areas}
          preview={preview}
          focus={focus}
          attributions={mapContext.attributions}
          categories={categories}
          selectedId={selectedId}
          draftLocation={placingOrForm && draft.lon !== null && draft.lat !== null ? { lon: draft.lon, lat: draft.lat } : null}
          placing={placingOrForm || whatIfTapping || nearbyTapping}
          gapLayer={mode.name === 'planner' ? gapLayer : null}
          population={populationOnMap}
          keyFigures={keyFigures.layer?.map ?? null}
          gapGroup={planner.group}
          candidates={mode.name === 'planner' ? planner.candidates : noCandidates}
          draftShape={mode.name === 'form' ? (shapeDraft.shape?.geometry ?? null) : null}
          links={linkLines}
          onDrawingReady={setDrawing}
          onMapClick={onMapClick}
          onAssetClick={(assetId) =>
            setMode(
              mode.name === 'list'
                ? { name: 'list', selectedId: assetId }
                : { name: 'details', assetId, fromNearby: mode.name === 'details' ? mode.fromNearby : undefined },
            )
          }
          onViewChange={(bbox) => {
            setView(bbox);
            void load(bbox);
          }}
          fitBbox={shownBox}
          controls={(mapTapsTaken) => (
            <>
              <PlaceFilterControl
                categories={categories}
                filter={filter}
                onChange={setFilter}
                shown={shownAssets.features.length}
                total={assets.features.length}
                mapTapsTaken={mapTapsTaken}
                population={populationGroup}
                onPopulation={setPopulationGroup}
                keyFigure={keyFigure}
                onKeyFigure={setKeyFigure}
              />
              <SearchControl
                entries={searchEntries}
                onChoose={(entry) => {
                  setShownBox(entry.bbox);
                  if (entry.kind === 'place') setMode({ name: 'details', assetId: entry.id });
                }}
                onShowBox={(bbox, message) => {
                  setShownBox(bbox);
                  setStatus(message);
                }}
                mapTapsTaken={mapTapsTaken}
              />
              {!mapTapsTaken && (
                <button
                  type="button"
                  className="list-button"
                  aria-label={t('placeList.buttonName')}
                  aria-pressed={mode.name === 'list'}
                  onClick={() => setMode(mode.name === 'list' ? { name: 'browse' } : { name: 'list', selectedId: null })}
                >
                  {t('placeList.button')}
                </button>
              )}
              {/* Only while no panel is open: on a phone the map is then short, and a fifth button would lie over the panel. */}
              {!mapTapsTaken && mode.name === 'browse' && (
                <button
                  type="button"
                  className="nearby-button"
                  aria-label={t('nearby.buttonName')}
                  onClick={() => setMode({ name: 'nearby', spot: null })}
                >
                  {t('nearby.button')}
                </button>
              )}
            </>
          )}
        />
        <DatabaseStartNote onRetry={onRetry} />
        <div className="map-legends">
          {keyFigures.layer && <KeyFigureLegend layer={keyFigures.layer} />}
          {population.layer && populationGroup && <PopulationLegend group={populationGroup} layer={population.layer} />}
        </div>
        {population.error !== null && populationGroup && (
          <p className="map-notice error" role="alert">
            {t('population.loadFailed')} {errorText(population.error)}
          </p>
        )}
        {keyFigures.error !== null && (
          <p className="map-notice error" role="alert">
            {t('keyFigures.loadFailed')} {errorText(keyFigures.error)}
          </p>
        )}
        {partlyShown && <PartlyShownNote {...partlyShown} />}
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
          <AddingBanner
            drawing={drawing}
            shapeDraft={shapeDraft}
            setDraft={setDraft}
            onShapeDrawn={() => setMode({ name: 'form' })}
            onWithoutMap={addWithoutMap}
            onCancel={() => setMode({ name: 'browse' })}
          />
        )}
      </div>
      {/* The panels; the rarer ones load on first use (lazyScreens.tsx), the map stays meanwhile. */}
      <WhenLoaded>
        {mode.name === 'form' && (
          <AddPlacePanel
            api={api}
            categories={mayAddCircles(roles) ? categories : categories.filter((category) => category.id !== circleCategory)}
            draft={draft}
            restoredFromEarlier={restoredFromEarlier}
            setDraft={setDraft}
            shapeDraft={shapeDraft}
            focusFirstField={placedByKeyboard}
            locationEntries={searchEntries}
            onSpotChosen={(lon, lat) => setShownBox(boxAroundPoint(lon, lat))}
            onRedraw={() => setMode({ name: 'placing' })}
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
            werkgebieden={werkgebieden.werkgebieden}
            state={planner}
            onChange={changePlanner}
            onGapLayer={setGapLayer}
            onClose={() => setMode({ name: 'browse' })}
          />
        )}
        {mode.name === 'export' && <ExportDialog api={api} onClose={() => setMode({ name: 'browse' })} />}
        {mode.name === 'share' && (
          <ShareDialog
            backendName={backend.name}
            werkgebieden={werkgebieden.werkgebieden}
            onExport={() => setMode({ name: 'export' })}
            onClose={() => setMode({ name: 'browse' })}
          />
        )}
        {mode.name === 'details' && (
          <AssetPanel
            key={mode.assetId}
            api={api}
            photoStore={backend.photos}
            assetId={mode.assetId}
            categories={categories}
            roles={roles}
            places={assets.features}
            staleAfterMonthsOf={staleAfterMonthsOf}
            onChanged={afterChange}
            onOpenAsset={(assetId) => setMode({ name: 'details', assetId, fromNearby: mode.fromNearby })}
            onLinksShown={setLinkLines}
            onClose={() =>
              setMode(
                mode.fromList
                  ? { name: 'list', selectedId: mode.assetId }
                  : mode.fromNearby
                    ? { name: 'nearby', spot: mode.fromNearby }
                    : { name: 'browse' },
              )
            }
          />
        )}
        {mode.name === 'nearby' && (
          <NearbyPanel
            api={api}
            categories={categories}
            entries={searchEntries}
            spot={mode.spot}
            choice={nearbyChoice}
            onChoice={setNearbyChoice}
            onSpot={(spot) => setMode({ name: 'nearby', spot })}
            onReach={setPreview}
            onOpen={(assetId) => setMode({ name: 'details', assetId, fromNearby: mode.spot ?? undefined })}
            onClose={() => setMode({ name: 'browse' })}
          />
        )}
        {mode.name === 'list' && (
          <PlaceListPanel
            shown={mapAssets.features}
            held={assets.features}
            partial={partlyShown !== null}
            categories={categories}
            werkgebieden={werkgebieden.werkgebieden}
            view={view}
            settings={listSettings}
            onSettings={setListSettings}
            onShowWerkgebied={(werkgebied) => setFocus(focusOn(werkgebied.geometry))}
            selectedId={mode.selectedId}
            onSelect={(placeId) => setMode({ name: 'list', selectedId: placeId })}
            onShowBox={setShownBox}
            onOpen={(assetId) => setMode({ name: 'details', assetId, fromList: true })}
            onAdd={addWithoutMap}
            onClose={() => setMode({ name: 'browse' })}
          />
        )}
        {mode.name === 'moderation' && (
          <ModerationPanel
            api={api}
            photoStore={backend.photos}
            items={queue.items}
            error={queue.error}
            selectedId={mode.selected ? `${mode.selected.item_type}:${mode.selected.id}` : null}
            onSelect={(item) => {
              setMode({ name: 'moderation', selected: item });
              setFocus(focusOn(item.geometry));
            }}
            onDecided={(message) => {
              setMode({ name: 'moderation', selected: null });
              afterChange(message);
            }}
            onClose={() => setMode({ name: 'browse' })}
          />
        )}
        {mode.name === 'werkgebieden' && (
          <WerkgebiedenDialog
            api={api}
            werkgebieden={werkgebieden.werkgebieden}
            areas={mapContext.areas}
            onCreated={(created) => {
              werkgebieden.reload();
              reloadRoles();
              setFocus(focusOn(created.geometry));
              afterChange(t('werkgebieden.created', { name: created.name }));
            }}
            onUpdated={(updated) => {
              // The months until faded may have changed: the map's stale marks follow the reloaded werkgebieden.
              werkgebieden.reload();
              setStatus(t('werkgebieden.settings.saved', { name: updated.name }));
            }}
            onClose={() => setMode({ name: 'browse' })}
          />
        )}
      </WhenLoaded>
      <p className="status-toast" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
