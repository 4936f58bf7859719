import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import type { Category, CoverageFigures } from '../../backend/wireTypes';
import { ErrorNote } from '../ErrorNote';
import { GapLegend } from '../planner/GapLegend';
import { useErrorText } from '../useErrorText';
import { GapFigures } from './GapFigures';
import { GapSettings, type GapSettingsChange } from './GapSettings';
import { plannerGroupOf } from './gapSettings';

interface GapsPanelProps {
  session: WorkshopSession;
  categories: Category[];
  figures: CoverageFigures | null;
  upToDate: boolean;
  error: unknown;
  settingsBusy: boolean;
  settingsError: string | null;
  onChangeSettings(change: GapSettingsChange): void;
}

/** "Gaten zien": who lives farther than the distance from the kind of place chosen; the cells are on the map. */
export function GapsPanel({
  session,
  categories,
  figures,
  upToDate,
  error,
  settingsBusy,
  settingsError,
  onChangeSettings,
}: GapsPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const group = plannerGroupOf(session.gap_target);
  const noPopulation = figures !== null && figures.cells === 0;
  return (
    <div className={`phase-panel gaps-panel${upToDate ? '' : ' stale'}`}>
      {figures === null && error === null && <p className="hint">{t('workshop.gaps.loading')}</p>}
      {error !== null && <ErrorNote message={errorText(error)} />}
      {noPopulation && <p className="notice">{t('workshop.gaps.noPopulation')}</p>}
      {figures && !noPopulation && (
        <>
          <GapFigures figures={figures} group={group} onFoot={session.gap_on_foot} />
          <GapLegend group={group} onFoot={session.gap_on_foot} />
        </>
      )}
      {session.i_facilitate && <GapSettings session={session} categories={categories} busy={settingsBusy} onChange={onChangeSettings} />}
      <ErrorNote message={settingsError} />
    </div>
  );
}
