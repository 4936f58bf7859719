import type { WijkkrachtApi } from '../../backend/api';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import type { Category, CoverageFigures } from '../../backend/wireTypes';
import type { ShapeDrawing } from '../../map/shapeDrawing';
import { ActionsPanel } from './ActionsPanel';
import { AppreciatePanel } from './AppreciatePanel';
import { ExplorePanel } from './ExplorePanel';
import type { GapSettingsChange } from './GapSettings';
import { GapsPanel } from './GapsPanel';
import type { ActionDraftState, ContributionDraftState } from './useSessionDrafts';

export interface PhasePanelProps {
  api: WijkkrachtApi;
  overview: SessionOverview;
  categories: Category[];
  contribution: ContributionDraftState;
  action: ActionDraftState;
  drawing: ShapeDrawing | null;
  thanks: string | null;
  selectedId: string | null;
  onSelect(id: string | null): void;
  gaps: { figures: CoverageFigures | null; upToDate: boolean; error: unknown };
  settings: { busy: boolean; error: string | null; onChange(change: GapSettingsChange): void };
  /** Something was written: ask for the overview again (the live message will too; they coalesce). */
  onChanged(): void;
}

/** What to do in the phase the room is in; the same on the shared screen and on a phone. */
export function PhasePanel(props: PhasePanelProps) {
  const { api, overview, categories, onChanged } = props;
  switch (overview.session.phase) {
    case 'verkennen':
      return <ExplorePanel categories={categories} contribution={props.contribution} drawing={props.drawing} thanks={props.thanks} />;
    case 'waarderen':
      return (
        <AppreciatePanel
          api={api}
          overview={overview}
          categories={categories}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
          onChanged={onChanged}
        />
      );
    case 'gaten_zien':
      return (
        <GapsPanel
          session={overview.session}
          categories={categories}
          figures={props.gaps.figures}
          upToDate={props.gaps.upToDate}
          error={props.gaps.error}
          settingsBusy={props.settings.busy}
          settingsError={props.settings.error}
          onChangeSettings={props.settings.onChange}
        />
      );
    case 'acties':
      return <ActionsPanel api={api} overview={overview} action={props.action} onChanged={onChanged} />;
  }
}
