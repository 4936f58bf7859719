import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { SessionAction, SessionContributions, WorkshopSession } from '../../backend/sessionWireTypes';
import type { Category, GapCellCollection } from '../../backend/wireTypes';
import type { TargetGroup } from '../../domain/types';
import type { DrawnGeometry } from '../../map/drawnShape';
import type { ShapeDrawing } from '../../map/shapeDrawing';
import { MapView } from '../MapView';
import { useMapContext } from '../useMapContext';
import { bboxFocus } from './sessionMapFocus';
import { useStableValue } from './useStableValue';

interface SessionMapProps {
  api: WijkkrachtApi;
  session: WorkshopSession;
  contributions: SessionContributions;
  actions: SessionAction[];
  categories: Category[];
  selectedId: string | null;
  /** The spot of a place or action being added, shown as a ring. */
  draftLocation: { lon: number; lat: number } | null;
  /** A route drawn and not yet saved. */
  draftShape?: DrawnGeometry | null;
  /** A tap on the map picks a spot (instead of a contribution). */
  placing: boolean;
  gapCells: GapCellCollection | null;
  gapGroup: TargetGroup;
  onMapClick(spot: { lon: number; lat: number }): void;
  onContributionClick(id: string): void;
  /** Drawing on this map ("Teken een route"), once the map is there. */
  onDrawingReady?(drawing: ShapeDrawing | null): void;
  /** Drawn over the map, e.g. the QR code in a corner of the shared screen. */
  children?: ReactNode;
}

const noCandidates: never[] = [];
const ignoreViewChange = () => undefined;

/** The map of a session: its area, what was added in it, the actions agreed, and in "gaten zien" the cells too far away. */
export function SessionMap(props: SessionMapProps) {
  const { api, session, categories, selectedId, draftLocation, placing, gapCells, gapGroup, onMapClick, onContributionClick } = props;
  const { t } = useTranslation();
  const mapContext = useMapContext(api);
  const contributions = useStableValue(props.contributions);
  const actionPoints = useStableValue(props.actions.map(({ id, lon, lat, body }) => ({ id, lon, lat, label: body })));
  const bboxKey = session.bbox.join(',');
  // MapView fits its view to a `focus` once; WijkMap.fitBbox would take the box itself, but MapView does not pass one on.
  const focus = useMemo(() => bboxFocus(session.bbox), [bboxKey]);
  // Only the gap cells, at every zoom: the session's screen asks one distance.
  const gapLayer = useMemo(() => (gapCells ? { cells: gapCells, distance: null, summaries: null } : null), [gapCells]);

  return (
    <div className="workshop-map" role="region" aria-label={t('workshop.screen.mapTitle')}>
      <MapView
        assets={contributions}
        areas={mapContext.areas}
        preview={null}
        focus={focus}
        attributions={mapContext.attributions}
        categories={categories}
        selectedId={selectedId}
        draftLocation={draftLocation}
        draftShape={props.draftShape ?? null}
        actionPoints={actionPoints}
        placing={placing}
        gapLayer={gapLayer}
        gapGroup={gapGroup}
        candidates={noCandidates}
        onMapClick={onMapClick}
        onAssetClick={onContributionClick}
        onViewChange={ignoreViewChange}
        onDrawingReady={props.onDrawingReady}
      />
      {props.children}
    </div>
  );
}
