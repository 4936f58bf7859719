import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import { toApiError } from '../../backend/apiError';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import type { AssetFeature, Category } from '../../backend/wireTypes';
import type { SessionPhase } from '../../domain/workshop';
import type { ShapeDrawing } from '../../map/shapeDrawing';
import { ErrorNote } from '../ErrorNote';
import { useAction } from '../useAction';
import type { GapSettingsChange } from './GapSettings';
import { plannerGroupOf } from './gapSettings';
import { JoinCorner } from './JoinCorner';
import { LiveCounter } from './LiveCounter';
import { OfflineBanner } from './OfflineBanner';
import { PhaseButtons } from './PhaseButtons';
import { tapPicksSpot } from './paletteCategories';
import { PhasePanel } from './PhasePanel';
import { SessionHeader } from './SessionHeader';
import { SessionMap } from './SessionMap';
import { StoryTicker } from './StoryTicker';
import { useOnline } from './useOnline';
import { useSessionGaps } from './useSessionGaps';
import { useActionDraft, useContributionDraft } from './useSessionDrafts';
import { useWideScreen } from './useWideScreen';
import { summaryHash } from './workshopRoute';

interface SessionScreenProps {
  api: WijkkrachtApi;
  overview: SessionOverview;
  categories: Category[];
  /** The last refresh's failure, if it failed (a lost network shows the offline banner). */
  refreshError: unknown;
  /** Ask for the overview now (the facilitator's own phase and settings: their screen answers at once). */
  refresh(): Promise<void>;
  /** After a contribution, appreciation or action of this screen (see useSessionOverview). */
  afterOwnWrite(): void;
}

/** How long "Dank u wel" stays above the palette. */
const thanksMs = 8000;

const spotOf = (draft: { lon: number | null; lat: number | null }) =>
  draft.lon !== null && draft.lat !== null ? { lon: draft.lon, lat: draft.lat } : null;

/**
 * One session, in two layouts from one tree: the shared screen (a projector or
 * touch screen, 1200 px and wider: big type, the QR code, the live counter and
 * the newest stories) and a phone (the map above, what to do below).
 */
export function SessionScreen({ api, overview, categories, refreshError, refresh, afterOwnWrite }: SessionScreenProps) {
  const { t } = useTranslation();
  const session = overview.session;
  const phase = session.phase;
  const wide = useWideScreen();
  const online = useOnline();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const [drawing, setDrawing] = useState<ShapeDrawing | null>(null);

  const contribution = useContributionDraft(api, session.id, categories, (feature: AssetFeature) => {
    setThanks(t(feature.properties.status === 'pending' ? 'workshop.explore.savedPending' : 'workshop.explore.saved'));
    // Back to the start of the panel (on a phone the form had scrolled it up): "Dank u wel" above the palette.
    window.scrollTo({ top: 0, behavior: 'smooth' });
    afterOwnWrite();
  });
  const action = useActionDraft(api, session.id, afterOwnWrite);
  const gaps = useSessionGaps(api, session, phase === 'gaten_zien');
  const phaseChange = useAction();
  const settings = useAction();

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(null), thanksMs);
    return () => clearTimeout(timer);
  }, [thanks]);

  const choosePhase = (next: SessionPhase) =>
    void phaseChange.run(async () => {
      await api.setSessionPhase(session.id, next);
      await refresh();
    });
  const changeSettings = useCallback(
    (change: GapSettingsChange) =>
      void settings.run(async () => {
        await api.updateSession(session.id, change);
        await refresh();
      }),
    // settings.run is a new function every render; what it runs depends on these only.
    [api, session.id, refresh],
  );

  // What a tap on the map is for: the spot of a new place (once its kind is chosen) or of an action.
  const choosingSpot = phase === 'verkennen' && tapPicksSpot(contribution.draft) ? contribution : phase === 'acties' ? action : null;
  const onMapClick = (spot: { lon: number; lat: number }) => {
    // A spot that is being sent stays where it was.
    if (choosingSpot && !choosingSpot.sending) choosingSpot.update(spot);
  };
  const offline = !online || toApiError(refreshError).kind === 'offline' || contribution.waitingForNetwork || action.waitingForNetwork;

  return (
    <div className={`workshop ${wide ? 'workshop-shared' : 'workshop-phone'}`} data-phase={phase}>
      <SessionHeader
        session={session}
        facilitatorControls={
          session.i_facilitate
            ? {
                phaseButtons: <PhaseButtons current={phase} busy={phaseChange.busy} onChoose={choosePhase} />,
                links: (
                  <nav className="workshop-links">
                    <a href={summaryHash(session.id)}>{t('workshop.screen.summary')}</a>
                    <a href="#">{t('workshop.screen.toMap')}</a>
                  </nav>
                ),
              }
            : undefined
        }
      />
      {offline && <OfflineBanner />}
      <ErrorNote message={phaseChange.error} />
      <main className="workshop-main">
        <SessionMap
          api={api}
          session={session}
          contributions={overview.contributions}
          actions={overview.actions}
          categories={categories}
          selectedId={phase === 'waarderen' ? selectedId : null}
          draftLocation={choosingSpot ? spotOf(choosingSpot.draft) : null}
          draftShape={phase === 'verkennen' ? contribution.draft.route : null}
          placing={choosingSpot !== null}
          gapCells={phase === 'gaten_zien' ? (gaps.value?.gapCells ?? null) : null}
          gapGroup={plannerGroupOf(session.gap_target)}
          onMapClick={onMapClick}
          onContributionClick={(id) => phase === 'waarderen' && setSelectedId(id)}
          onDrawingReady={setDrawing}
        >
          {wide && <JoinCorner code={session.join_code} />}
        </SessionMap>
        <aside className="workshop-side">
          {wide && <LiveCounter counts={overview.counts} />}
          <PhasePanel
            api={api}
            overview={overview}
            categories={categories}
            contribution={contribution}
            action={action}
            drawing={drawing}
            thanks={thanks}
            selectedId={selectedId}
            onSelect={setSelectedId}
            gaps={{ figures: gaps.value?.figures ?? null, upToDate: gaps.upToDate, error: gaps.error }}
            settings={{ busy: settings.busy, error: settings.error, onChange: changeSettings }}
            onChanged={afterOwnWrite}
          />
          {wide && <StoryTicker stories={overview.stories} contributions={overview.contributions} />}
        </aside>
      </main>
    </div>
  );
}
