import {
  AttributionControl,
  LngLatBounds,
  Marker,
  NavigationControl,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import type { FeatureCollection, Position } from 'geojson';
import type { BoundingBox, CandidatePoint, TargetGroup } from '../domain/types';
import type { AreaCollection, AssetCollection, Category } from '../backend/wireTypes';
import type { StoredBasemap } from '../basemap/storedBasemap';
import { actionMarkerElement, type ActionPoint } from './actionMarkers';
import { areaLayers, areaSourceId } from './areaLayers';
import {
  assetLayers,
  categoryColorExpression,
  clickableLayerIds,
  draftSourceId,
  layerIds,
  pointSourceId,
  selectedFilter,
  shapeSourceId,
} from './assetLayers';
import { attributionHtml } from './attributionHtml';
import { BasemapSwitch, type BasemapPreference, type BasemapShown } from './basemapSwitch';
import { announceMapPainted } from './mapPainted';
import { createMapLibreMap, takeStartedMap } from './mapStart';
import { draftShapeLayers, draftShapeSourceId } from './draftShapeLayers';
import { linkLayers, linkSourceId } from './linkLayers';
import type { DrawnGeometry, ShapeKind } from './drawnShape';
import {
  candidateLayers,
  candidateSourceId,
  gapCellFilters,
  gapCellLayers,
  gapFillColor,
  gapLayerIds,
  gapSourceId,
  gapSummaryLayerIds,
  gapSummaryLayers,
  gapSummarySourceIds,
  summaryZooms,
  type GapLayer,
} from './gapLayers';
import { showWhileHolding, type OccasionalSourceId } from './occasionalSources';
import { populationFillColor, populationLayerId, populationLayers, populationSourceId } from './populationLayers';
import { keyFigureFillColor, keyFigureLayerId, keyFigureLayers, keyFigureSourceId } from './keyFigureLayers';
import { previewLayers, previewSourceId } from './previewLayers';
import { ShapeDrawer, type DrawingEvents, type ShapeDrawing } from './shapeDrawing';
import { splitAssets } from './splitAssets';

/** West, south, east, north in degrees (WGS84). */
export type Bbox = [west: number, south: number, east: number, north: number];

/** The areas with one key figure's value each (`value`, null when unknown), and the classes to colour them by. */
export interface KeyFigureMapLayer {
  areas: FeatureCollection;
  breaks: number[];
  descending: boolean;
}

/** Map events reach React through a ref, so listeners never need re-binding. */
export interface WijkMapHandlers {
  /** A tap on the map, or Enter on the focused map while placing (`byKeyboard`: its centre). */
  onMapClick(lngLat: { lon: number; lat: number; byKeyboard?: boolean }): void;
  onAssetClick(id: string): void;
  onViewChange(bbox: BoundingBox): void;
  /** PDOK online, the stored file, or neither (no internet and no stored file): what the map now draws beneath the places. */
  onBasemapShown(shown: BasemapShown): void;
  /** True while a tap on the map sets a spot or a point of a route or area, so nothing over the map should take it. */
  onMapTapsTaken(taken: boolean): void;
}

export interface WijkMapOptions {
  container: HTMLElement;
  handlers: { current: WijkMapHandlers };
  center?: [number, number];
  zoom?: number;
}

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };
const fitOptions = { padding: 60, maxZoom: 16, duration: 600 };

/**
 * The one owner of the MapLibre map. React creates it once, pushes data in
 * through setters (which skip unchanged input), and hears back via handlers.
 * No other module imports maplibre-gl at run time.
 */
export class WijkMap implements ShapeDrawing {
  private readonly map: MapLibreMap;
  /** The element React gave the map. */
  private readonly host: HTMLElement;
  private readonly drawer: ShapeDrawer;
  private readonly handlers: { current: WijkMapHandlers };
  private assets: AssetCollection | null = null;
  private areas: AreaCollection | null = null;
  private preview: FeatureCollection | null = null;
  private attributions: string[] = [];
  private focus: FeatureCollection | null = null;
  private gapLayer: GapLayer | null = null;
  private population: FeatureCollection | null = null;
  private populationGroup: TargetGroup = 'all';
  private keyFigures: KeyFigureMapLayer | null = null;
  private gapGroup: TargetGroup = 'all';
  private candidates: CandidatePoint[] = [];
  private attributionControl: AttributionControl;
  private categories: Category[] = [];
  private selectedId: string | null = null;
  private draftKey = '';
  private draftShape: DrawnGeometry | null = null;
  private links: FeatureCollection = emptyCollection;
  private actionPointsKey = '[]';
  private actionMarkers: Marker[] = [];
  private placing = false;
  private tapsTaken = false;
  private readonly basemaps: BasemapSwitch;
  /** Where styles.css puts the legends in their phone place (max-width: 700px), over the credit line. */
  private readonly narrowScreen = window.matchMedia('(max-width: 700px)');

  constructor(options: WijkMapOptions) {
    this.handlers = options.handlers;
    this.host = options.container;
    // The map main.tsx started before the app (mapStart.ts), or a new one.
    const started = takeStartedMap(options.container);
    this.map = started?.map ?? createMapLibreMap(options.container, options);
    const heard = started?.heard;
    this.attributionControl = new AttributionControl({ compact: true });
    this.map.addControl(this.attributionControl);
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    // A screen turned narrow (a phone turned upright) folds its credits under a legend too; other
    // resizes (a phone's keyboard) leave credits someone opened with (i) open.
    this.narrowScreen.addEventListener('change', this.foldCreditsUnderLegend);
    this.drawer = new ShapeDrawer(this.map);
    this.basemaps = new BasemapSwitch(this.map, (shown) => this.handlers.current.onBasemapShown(shown), heard);

    // Our layers and drawing go in as soon as the style is there, not at 'load': 'load' waits until every
    // tile and label font has arrived, which a slow or cut-off network holds up (on a workshop phone it came
    // only after a route's first taps, which were lost).
    const onStyleLoad = () => {
      this.addAssetSourcesAndLayers();
      this.basemaps.start();
      // After our layers, so what is being drawn lies on top of them.
      this.drawer.start();
    };
    const onLoad = () => {
      // The first frame is drawn: the database may start now (mapPainted.ts); a mark for the browser tests.
      options.container.dataset.map = 'painted';
      announceMapPainted();
    };
    if (heard?.styleLoaded) onStyleLoad();
    else this.map.once('style.load', onStyleLoad);
    if (heard?.loaded) onLoad();
    else this.map.once('load', onLoad);
    this.map.on('click', (event) => this.handleClick(event));
    this.map.on('moveend', () => this.handlers.current.onViewChange(this.bounds()));
    // Without a pointer: the arrow keys move the focused map (MapLibre's keyboard handler), and
    // Enter sets the spot being placed at its centre, as a tap there would.
    this.map.getCanvasContainer().addEventListener('keydown', (event) => this.handleKey(event));
  }

  private handleKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !this.placing || this.drawer.drawing) return;
    event.preventDefault();
    const centre = this.map.getCenter();
    this.handlers.current.onMapClick({ lon: centre.lng, lat: centre.lat, byKeyboard: true });
  }

  remove(): void {
    this.narrowScreen.removeEventListener('change', this.foldCreditsUnderLegend);
    this.basemaps.stop();
    this.drawer.stop();
    const element = this.map.getContainer();
    this.map.remove();
    // A map started before the app has an element of its own inside ours (mapStart.ts): it goes too.
    if (element !== this.host) element.remove();
  }

  bounds(): BoundingBox {
    const bounds = this.map.getBounds();
    return { west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() };
  }

  setAssets(collection: AssetCollection): void {
    if (collection === this.assets) return;
    this.assets = collection;
    // Before 'style.load' the sources don't exist yet; they are made from this.assets then.
    if (!this.source(pointSourceId)) return;
    const { points, shapes } = splitAssets(collection);
    this.source(pointSourceId)?.setData(points);
    this.source(shapeSourceId)?.setData(shapes);
    this.markPlacesHeld(collection);
  }

  /** How many places the map holds, on its element: a mark for benchmarks and browser tests to wait for. */
  private markPlacesHeld(collection: AssetCollection): void {
    this.map.getContainer().dataset.places = String(collection.features.length);
  }

  /** The basemap file kept on this device (null: none), and whether to show it also while PDOK is reachable. */
  setStoredBasemap(basemap: StoredBasemap | null, preference: BasemapPreference): void {
    this.basemaps.set(basemap, preference);
  }

  /** After a file was loaded: the view moves to its area if the map shows it and looks elsewhere. */
  lookAtStoredBasemap(): void {
    this.basemaps.lookAtStored();
  }

  setAreas(collection: AreaCollection): void {
    if (collection === this.areas) return;
    this.areas = collection;
    this.source(areaSourceId)?.setData(collection as FeatureCollection);
  }

  /** What an import would add, before it is written; null hides it. The view moves to show it. */
  setPreview(collection: FeatureCollection | null): void {
    if (collection === this.preview) return;
    this.preview = collection;
    this.setOccasionalData(previewSourceId, collection ?? emptyCollection);
    if (collection && collection.features.length > 0) this.fitTo(collection);
  }

  /**
   * Whom to credit (© OpenStreetMap-bijdragers, CBS / Kadaster ...), beside the basemap's own credit.
   * The control renders HTML and the credits come from imported files, so they go in as escaped text.
   */
  setAttributions(attributions: string[]): void {
    if (attributions.join('|') === this.attributions.join('|')) return;
    this.attributions = attributions;
    this.map.removeControl(this.attributionControl);
    this.attributionControl = new AttributionControl({ compact: true, customAttribution: attributions.map(attributionHtml) });
    this.map.addControl(this.attributionControl);
    // A new control opens its credits again.
    this.foldCreditsUnderLegend();
  }

  setFocus(collection: FeatureCollection | null): void {
    if (collection === this.focus) return;
    this.focus = collection;
    if (collection && collection.features.length > 0) this.fitTo(collection);
  }

  fitTo(collection: FeatureCollection): void {
    const bounds = new LngLatBounds();
    const visit = (value: unknown): void => {
      if (!Array.isArray(value)) return;
      if (typeof value[0] === 'number') bounds.extend(value as Position as [number, number]);
      else value.forEach(visit);
    };
    for (const feature of collection.features) {
      if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
    }
    if (!bounds.isEmpty()) this.map.fitBounds(bounds, fitOptions);
  }

  fitBbox([west, south, east, north]: Bbox): void {
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      fitOptions,
    );
  }

  /**
   * The planner's gap cells (and blocks when zoomed out), shaded by the uncovered people of the group;
   * null hides them. A new distance only filters what the map holds; new cells or blocks are loaded.
   */
  setGapLayer(layer: GapLayer | null, group: TargetGroup): void {
    const previous = this.gapLayer;
    if (layer === previous && group === this.gapGroup) return;
    this.gapLayer = layer;
    if (group !== this.gapGroup && this.map.getLayer(gapLayerIds.fill)) {
      for (const id of [gapLayerIds.fill, gapSummaryLayerIds[500].fill, gapSummaryLayerIds[1000].fill]) {
        this.map.setPaintProperty(id, 'fill-color', gapFillColor(group));
      }
    }
    this.gapGroup = group;
    if (!this.map.getLayer(gapLayerIds.fill)) return;
    if (layer?.cells !== previous?.cells) this.setOccasionalData(gapSourceId, (layer?.cells ?? emptyCollection) as FeatureCollection);
    if (layer?.summaries !== previous?.summaries) {
      for (const size of [500, 1000] as const)
        this.setOccasionalData(gapSummarySourceIds[size], layer?.summaries?.[size] ?? emptyCollection);
    }
    if (layer?.distance !== previous?.distance || !previous) this.applyGapFilters();
  }

  /** The cells beyond the distance; with blocks, the cells only when zoomed in far enough to see them. */
  private applyGapFilters(): void {
    const filters = gapCellFilters(this.gapLayer?.distance ?? null);
    this.map.setFilter(gapLayerIds.fill, filters.fill);
    this.map.setFilter(gapLayerIds.outline, filters.outline);
    this.map.setFilter(gapLayerIds.estimatedOutline, filters.estimatedOutline);
    const fromZoom = this.gapLayer?.summaries ? summaryZooms.cells : 0;
    for (const id of Object.values(gapLayerIds)) if (id !== gapLayerIds.candidates) this.map.setLayerZoomRange(id, fromZoom, 24);
  }

  /** Residents (or 65+) per 100 m cell, on their own; null hides them. */
  setPopulation(cells: FeatureCollection | null, group: TargetGroup): void {
    if (cells === this.population && group === this.populationGroup) return;
    if (group !== this.populationGroup && this.map.getLayer(populationLayerId)) {
      this.map.setPaintProperty(populationLayerId, 'fill-color', populationFillColor(group));
    }
    this.populationGroup = group;
    if (cells !== this.population) {
      this.population = cells;
      this.setOccasionalData(populationSourceId, cells ?? emptyCollection);
      this.foldCreditsUnderLegend();
    }
  }

  /** The areas coloured by one CBS key figure; null hides them. */
  setKeyFigures(layer: KeyFigureMapLayer | null): void {
    if (layer === this.keyFigures) return;
    const previous = this.keyFigures;
    this.keyFigures = layer;
    if (layer && this.map.getLayer(keyFigureLayerId)) {
      this.map.setPaintProperty(keyFigureLayerId, 'fill-color', keyFigureFillColor(layer.breaks, layer.descending));
    }
    if (layer?.areas !== previous?.areas) this.setOccasionalData(keyFigureSourceId, layer?.areas ?? emptyCollection);
    this.foldCreditsUnderLegend();
  }

  /**
   * On a narrow map the legends of these layers (Workspace's .map-legends) sit where the open credit
   * line is: fold the credits to their (i) button, as MapLibre's compact attribution does on the first
   * drag of the map. A tap on (i) opens them again. Narrow is `narrowScreen`, the width at which the
   * legends move, so the two cannot disagree.
   */
  private readonly foldCreditsUnderLegend = (): void => {
    if (this.population === null && this.keyFigures === null) return;
    if (!this.narrowScreen.matches) return;
    this.map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
  };

  /** "What if" places, drawn until the planner clears them; never written. */
  setCandidates(candidates: CandidatePoint[]): void {
    if (candidates === this.candidates) return;
    this.candidates = candidates;
    this.setOccasionalData(candidateSourceId, this.candidateCollection());
  }

  setCategories(categories: Category[]): void {
    if (categories === this.categories) return;
    this.categories = categories;
    if (!this.map.getLayer(layerIds.points)) return;
    const color = categoryColorExpression(categories);
    this.map.setPaintProperty(layerIds.points, 'circle-color', color);
    this.map.setPaintProperty(layerIds.routes, 'line-color', color);
    this.map.setPaintProperty(layerIds.areas, 'fill-color', color);
    this.map.setPaintProperty(layerIds.areaOutlines, 'line-color', color);
  }

  setSelected(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    // Which place is marked, for the list view's tests to see the map follow it.
    this.map.getContainer().dataset.selected = id ?? '';
    if (!this.map.getLayer(layerIds.selectedPoint)) return;
    this.map.setFilter(layerIds.selectedPoint, selectedFilter(id));
    this.map.setFilter(layerIds.selectedShape, selectedFilter(id));
  }

  /** The place being added, shown as a ring until it is saved. */
  setDraftLocation(location: { lon: number; lat: number } | null): void {
    const key = location ? `${location.lon},${location.lat}` : '';
    if (key === this.draftKey) return;
    this.draftKey = key;
    this.source(draftSourceId)?.setData(this.draftCollection());
  }

  /** A route or area drawn and not yet saved, shown while its form is filled in; null hides it. */
  /** Lines from the open place to the places it is connected to (empty: none shown). */
  setLinks(lines: FeatureCollection): void {
    if (lines === this.links) return;
    this.links = lines;
    this.setOccasionalData(linkSourceId, lines);
    // A mark for browser tests to wait for, as with the places (markPlacesHeld).
    this.map.getContainer().dataset.links = String(lines.features.length);
  }

  setDraftShape(geometry: DrawnGeometry | null): void {
    if (geometry === this.draftShape) return;
    this.draftShape = geometry;
    this.setOccasionalData(draftShapeSourceId, this.draftShapeCollection());
  }

  /** Workshop actions, each a star with its label. */
  setActionPoints(points: ActionPoint[]): void {
    const key = JSON.stringify(points);
    if (key === this.actionPointsKey) return;
    this.actionPointsKey = key;
    for (const marker of this.actionMarkers) marker.remove();
    this.actionMarkers = points.map((point) =>
      new Marker({ element: actionMarkerElement(point.label), anchor: 'bottom' }).setLngLat([point.lon, point.lat]).addTo(this.map),
    );
  }

  // Drawing a route or an area: terra-draw does it (shapeDrawing.ts); while it draws, taps are its points.
  startDrawing(kind: ShapeKind, events: DrawingEvents): void {
    this.drawer.startDrawing(kind, {
      ...events,
      onFinished: (geometry) => {
        events.onFinished(geometry);
        this.reportTapsTaken();
      },
    });
    this.reportTapsTaken();
  }

  undoLastVertex(): void {
    this.drawer.undoLastVertex();
  }

  finishDrawing(): void {
    this.drawer.finishDrawing();
  }

  cancelDrawing(): void {
    this.drawer.cancelDrawing();
    // terra-draw unsets the cursor when it stops; placing a spot may go on.
    this.showPlacingCursor();
    this.reportTapsTaken();
  }

  setPlacing(placing: boolean): void {
    if (placing === this.placing) return;
    this.placing = placing;
    this.showPlacingCursor();
    this.reportTapsTaken();
  }

  private reportTapsTaken(): void {
    const taken = this.placing || this.drawer.drawing;
    if (taken === this.tapsTaken) return;
    this.tapsTaken = taken;
    this.handlers.current.onMapTapsTaken(taken);
  }

  private showPlacingCursor(): void {
    this.map.getCanvas().style.cursor = this.placing ? 'crosshair' : '';
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(id);
  }

  private candidateCollection(): FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: this.candidates.map((geometry, index) => ({ type: 'Feature', properties: { index }, geometry })),
    };
  }

  private draftCollection(): FeatureCollection {
    if (!this.draftKey) return emptyCollection;
    const [lon = 0, lat = 0] = this.draftKey.split(',').map(Number);
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } }],
    };
  }

  private setOccasionalData(sourceId: OccasionalSourceId, collection: FeatureCollection): void {
    const source = this.source(sourceId);
    if (!source) return;
    source.setData(collection);
    showWhileHolding(this.map, sourceId, collection);
  }

  private draftShapeCollection(): FeatureCollection {
    if (!this.draftShape) return emptyCollection;
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: this.draftShape }] };
  }

  private addAssetSourcesAndLayers(): void {
    const { points, shapes } = splitAssets(this.assets ?? { type: 'FeatureCollection', features: [] });
    this.map.addSource(pointSourceId, { type: 'geojson', data: points, cluster: true, clusterMaxZoom: 15, clusterRadius: 45 });
    if (this.assets) this.markPlacesHeld(this.assets);
    this.map.addSource(shapeSourceId, { type: 'geojson', data: shapes });
    this.map.addSource(draftSourceId, { type: 'geojson', data: this.draftCollection() });
    this.map.addSource(areaSourceId, { type: 'geojson', data: (this.areas ?? emptyCollection) as FeatureCollection });
    const occasional: Array<[OccasionalSourceId, FeatureCollection]> = [
      [previewSourceId, this.preview ?? emptyCollection],
      [gapSourceId, (this.gapLayer?.cells ?? emptyCollection) as FeatureCollection],
      [gapSummarySourceIds[500], this.gapLayer?.summaries?.[500] ?? emptyCollection],
      [gapSummarySourceIds[1000], this.gapLayer?.summaries?.[1000] ?? emptyCollection],
      [candidateSourceId, this.candidateCollection()],
      [draftShapeSourceId, this.draftShapeCollection()],
      [linkSourceId, this.links],
      [populationSourceId, this.population ?? emptyCollection],
      [keyFigureSourceId, this.keyFigures?.areas ?? emptyCollection],
    ];
    for (const [sourceId, data] of occasional) this.map.addSource(sourceId, { type: 'geojson', data });
    for (const layer of keyFigureLayers(keyFigureFillColor(this.keyFigures?.breaks ?? [], this.keyFigures?.descending)))
      this.map.addLayer(layer);
    for (const layer of populationLayers(this.populationGroup)) this.map.addLayer(layer);
    for (const layer of gapSummaryLayers(this.gapGroup)) this.map.addLayer(layer);
    for (const layer of gapCellLayers(this.gapGroup)) this.map.addLayer(layer);
    this.applyGapFilters();
    for (const layer of areaLayers()) this.map.addLayer(layer);
    // Beneath the places, so a line starts and ends under their dots.
    for (const layer of linkLayers()) this.map.addLayer(layer);
    for (const layer of assetLayers(this.categories)) this.map.addLayer(layer);
    for (const layer of previewLayers()) this.map.addLayer(layer);
    for (const layer of candidateLayers()) this.map.addLayer(layer);
    for (const layer of draftShapeLayers()) this.map.addLayer(layer);
    for (const [sourceId, data] of occasional) showWhileHolding(this.map, sourceId, data);
    this.map.setFilter(layerIds.selectedPoint, selectedFilter(this.selectedId));
    this.map.setFilter(layerIds.selectedShape, selectedFilter(this.selectedId));
    this.handlers.current.onViewChange(this.bounds());
  }

  private handleClick(event: MapMouseEvent): void {
    // terra-draw heard the same tap as a point of the shape being drawn.
    if (this.drawer.drawing) return;
    if (this.placing) {
      this.handlers.current.onMapClick({ lon: event.lngLat.lng, lat: event.lngLat.lat });
      return;
    }
    // A finger is wider than a mouse pointer: search a small box, not a pixel.
    const pad = 12;
    const box: [[number, number], [number, number]] = [
      [event.point.x - pad, event.point.y - pad],
      [event.point.x + pad, event.point.y + pad],
    ];
    const cluster = this.map.queryRenderedFeatures(box, { layers: [layerIds.clusters] })[0];
    if (cluster) {
      void this.zoomIntoCluster(cluster);
      return;
    }
    const hit = this.map.queryRenderedFeatures(box, { layers: clickableLayerIds })[0];
    const id = hit?.properties?.id;
    if (typeof id === 'string') this.handlers.current.onAssetClick(id);
  }

  private async zoomIntoCluster(cluster: MapGeoJSONFeature): Promise<void> {
    const clusterId = cluster.properties?.cluster_id as number;
    const zoom = await this.source(pointSourceId)!.getClusterExpansionZoom(clusterId);
    const [lon, lat] = (cluster.geometry as unknown as { coordinates: [number, number] }).coordinates;
    this.map.easeTo({ center: [lon, lat], zoom });
  }
}
