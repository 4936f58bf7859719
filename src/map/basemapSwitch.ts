import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StoredBasemap } from '../basemap/storedBasemap';
import { areaLabelLayerId } from './areaLayers';
import { layerIds } from './assetLayers';
import { basemapLayerId, storedLayerPrefix, storedSourceId } from './baseStyle';
import { watchPdokTiles } from './pdokTiles';

/** What is under the places: PDOK from the internet, the file stored on this device, or nothing but the background. */
export type BasemapShown = 'pdok' | 'stored' | 'none';

/** 'online': PDOK while there is internet, the stored file when there is none. 'stored': the stored file always. */
export type BasemapPreference = 'online' | 'stored';

// If no PDOK tile has arrived by then, assume there is no internet.
const pdokTimeoutMs = 8000;

const labelLayerIds = [areaLabelLayerId, layerIds.labels];

/**
 * Decides which basemap the map draws, and draws it: PDOK (the default online),
 * a stored basemap (offline, or when the user chose it), or neither, and then
 * the names of areas and places are shown so the map is never an empty plane.
 * PDOK counts as offline once a tile fails before any arrived, or none came in
 * 8 s while PDOK was the one shown. The stored basemap's style and its tile
 * reader are loaded only when it is first shown.
 */
export class BasemapSwitch {
  private pdokLoaded = false;
  private pdokOffline = false;
  private pdokTimer: ReturnType<typeof setTimeout> | null = null;
  private stored: StoredBasemap | null = null;
  private preference: BasemapPreference = 'online';
  /** The key of the stored basemap whose layers are on the map (or are being added). */
  private storedOnMap: string | null = null;
  private shown: BasemapShown | null = null;
  private ready = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onShown: (shown: BasemapShown) => void,
    /** What the map heard of PDOK before this listened (a map started before the app, mapStart.ts). */
    heardBefore?: { pdokTileArrived: boolean; pdokTileFailed: boolean },
  ) {
    this.pdokLoaded = heardBefore?.pdokTileArrived ?? false;
    if (heardBefore?.pdokTileFailed && !this.pdokLoaded) this.goOffline();
    watchPdokTiles(map, {
      arrived: () => (this.pdokLoaded = true),
      failed: () => {
        if (!this.pdokLoaded) this.goOffline();
      },
    });
  }

  /** Once the map's own layers are there (after 'style.load'); the labels are among them. */
  start(): void {
    this.ready = true;
    this.update();
  }

  stop(): void {
    if (this.pdokTimer) clearTimeout(this.pdokTimer);
    this.pdokTimer = null;
  }

  /**
   * A file just loaded: if the map shows it and looks elsewhere, the view moves to the file's area,
   * so the user sees what was loaded (a file opened at start-up leaves the view where it was).
   */
  lookAtStored(): void {
    const stored = this.stored;
    if (!stored || this.shown !== 'stored') return;
    const [west, south, east, north] = stored.bounds;
    const { lng, lat } = this.map.getCenter();
    if (lng >= west && lng <= east && lat >= south && lat <= north) return;
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 20, duration: 0 },
    );
  }

  set(stored: StoredBasemap | null, preference: BasemapPreference): void {
    if (stored?.key === this.stored?.key && preference === this.preference) return;
    this.stored = stored;
    this.preference = preference;
    this.update();
  }

  private goOffline(): void {
    if (this.pdokOffline) return;
    this.pdokOffline = true;
    this.update();
  }

  private update(): void {
    const useStored = this.stored !== null && (this.pdokOffline || this.preference === 'stored');
    const shown: BasemapShown = useStored ? 'stored' : this.pdokOffline ? 'none' : 'pdok';
    this.watchPdok(shown === 'pdok');
    if (!this.ready) {
      // Before 'style.load' the layers are not there yet; the style starts with PDOK shown.
      if (shown !== 'pdok') this.report(shown);
      return;
    }
    this.map.setLayoutProperty(basemapLayerId, 'visibility', shown === 'pdok' ? 'visible' : 'none');
    for (const id of labelLayerIds) this.map.setLayoutProperty(id, 'visibility', shown === 'pdok' ? 'none' : 'visible');
    if (this.storedOnMap !== (useStored ? this.stored!.key : null)) {
      this.removeStored();
      if (useStored) void this.addStored(this.stored!);
    }
    this.report(shown);
  }

  private report(shown: BasemapShown): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.onShown(shown);
  }

  /** The 8 s count only runs while PDOK is what the map tries to show. */
  private watchPdok(pdokWanted: boolean): void {
    if (!pdokWanted || this.pdokLoaded || this.pdokOffline) {
      if (this.pdokTimer) clearTimeout(this.pdokTimer);
      this.pdokTimer = null;
      return;
    }
    this.pdokTimer ??= setTimeout(() => {
      this.pdokTimer = null;
      if (!this.pdokLoaded) this.goOffline();
    }, pdokTimeoutMs);
  }

  private async addStored(basemap: StoredBasemap): Promise<void> {
    this.storedOnMap = basemap.key;
    const { storedBasemapStyle } = await import('./storedBasemapStyle');
    // Another file, or none, may have been chosen while the style loaded.
    if (this.storedOnMap !== basemap.key || this.map.getSource(storedSourceId)) return;
    const { source, layers } = storedBasemapStyle(basemap);
    this.map.addSource(storedSourceId, source);
    // Right above PDOK's raster, under everything of the app's own.
    const styleLayers = this.map.getStyle().layers;
    const beforeId = styleLayers[styleLayers.findIndex((layer) => layer.id === basemapLayerId) + 1]?.id;
    for (const layer of layers) this.map.addLayer(layer, beforeId);
  }

  private removeStored(): void {
    this.storedOnMap = null;
    for (const layer of this.map.getStyle().layers) {
      if (layer.id.startsWith(storedLayerPrefix)) this.map.removeLayer(layer.id);
    }
    if (this.map.getSource(storedSourceId)) this.map.removeSource(storedSourceId);
  }
}
