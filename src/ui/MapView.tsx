import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CandidatePoint, TargetGroup } from '../domain/types';
import type { AreaCollection, AssetCollection, Category } from '../backend/wireTypes';
import type { GapLayer } from '../map/gapLayers';
import type { StoredBasemap } from '../basemap/storedBasemap';
import type { ActionPoint } from '../map/actionMarkers';
import type { BasemapShown } from '../map/basemapSwitch';
import type { DrawnGeometry } from '../map/drawnShape';
import type { ShapeDrawing } from '../map/shapeDrawing';
import { WijkMap, type Bbox, type KeyFigureMapLayer, type WijkMapHandlers } from '../map/WijkMap';
import { BasemapControl } from './basemap/BasemapControl';
import { useStoredBasemap } from './basemap/useStoredBasemap';

interface MapViewProps extends Omit<WijkMapHandlers, 'onBasemapShown' | 'onMapTapsTaken'> {
  assets: AssetCollection;
  areas: AreaCollection;
  /** What an import would add, shown before it is written. */
  preview?: FeatureCollection | null;
  attributions: string[];
  /** Features the view should fit once (e.g. boundaries just loaded). */
  focus: FeatureCollection | null;
  categories: Category[];
  selectedId: string | null;
  draftLocation?: { lon: number; lat: number } | null;
  placing?: boolean;
  /** The planner's gap cells (or a workshop's) and "what if" places; none outside the planner. */
  gapLayer?: GapLayer | null;
  /** Residents (or 65+) per cell, independent of the gaps; none unless asked. */
  population?: { cells: FeatureCollection; group: TargetGroup } | null;
  /** The areas coloured by a CBS key figure; none unless asked. */
  keyFigures?: KeyFigureMapLayer | null;
  gapGroup?: TargetGroup;
  candidates?: CandidatePoint[];
  /** Lines from the open place to the places it is connected to. */
  links?: FeatureCollection;
  /** A route or area drawn and not yet saved (its form is open). */
  draftShape?: DrawnGeometry | null;
  /** Workshop actions, each a star with its label. */
  actionPoints?: ActionPoint[];
  /** A box the view fits, once for each new array given (e.g. a workshop's area). */
  fitBbox?: Bbox | null;
  /** Hands out drawing on this map once it exists (null once it is gone), e.g. for DrawShapeControls. */
  onDrawingReady?(drawing: ShapeDrawing | null): void;
  /** More controls over the map (the legend and filter); `mapTapsTaken`: they step aside while a spot or shape is set. */
  controls?(mapTapsTaken: boolean): ReactNode;
}

const noActionPoints: ActionPoint[] = [];
const noCandidates: CandidatePoint[] = [];
const noLinks: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Hosts the WijkMap: makes it once, pushes props into it on every render. Over it: the background map's notice and choices. */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<WijkMap | null>(null);
  const fittedBbox = useRef<Bbox | null>(null);
  const [basemapShown, setBasemapShown] = useState<BasemapShown | null>(null);
  const stored = useStoredBasemap();
  const lookedAtLoaded = useRef<StoredBasemap | null>(null);
  const [mapTapsTaken, setMapTapsTaken] = useState(false);
  const ownHandlers = { onBasemapShown: setBasemapShown, onMapTapsTaken: setMapTapsTaken };
  const handlers = useRef<WijkMapHandlers & MapViewProps>({ ...props, ...ownHandlers });
  handlers.current = { ...props, ...ownHandlers };

  useEffect(() => {
    if (mapRef.current || !containerRef.current) return;
    const map = new WijkMap({ container: containerRef.current, handlers });
    mapRef.current = map;
    handlers.current.onDrawingReady?.(map);
    return () => {
      handlers.current.onDrawingReady?.(null);
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // The setters skip unchanged input, so calling them on each render is cheap.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.setCategories(props.categories);
    map.setAssets(props.assets);
    map.setAreas(props.areas);
    map.setPreview(props.preview ?? null);
    map.setAttributions(props.attributions);
    map.setFocus(props.focus);
    map.setSelected(props.selectedId);
    map.setDraftLocation(props.draftLocation ?? null);
    map.setPlacing(props.placing ?? false);
    map.setGapLayer(props.gapLayer ?? null, props.gapGroup ?? 'all');
    map.setPopulation(props.population?.cells ?? null, props.population?.group ?? 'all');
    map.setKeyFigures(props.keyFigures ?? null);
    map.setCandidates(props.candidates ?? noCandidates);
    map.setDraftShape(props.draftShape ?? null);
    map.setLinks(props.links ?? noLinks);
    map.setActionPoints(props.actionPoints ?? noActionPoints);
    map.setStoredBasemap(stored.basemap, stored.preference);
    // Once the map shows a file just loaded (its layers come a moment later), once per file.
    if (stored.loadedNow && basemapShown === 'stored' && stored.loadedNow !== lookedAtLoaded.current) {
      lookedAtLoaded.current = stored.loadedNow;
      map.lookAtStoredBasemap();
    }
    if (props.fitBbox && props.fitBbox !== fittedBbox.current) map.fitBbox(props.fitBbox);
    fittedBbox.current = props.fitBbox ?? null;
  });

  return (
    <>
      <div ref={containerRef} className="map" data-testid="map" />
      <BasemapControl shown={basemapShown} stored={stored} mapTapsTaken={mapTapsTaken} />
      {props.controls?.(mapTapsTaken)}
    </>
  );
}
