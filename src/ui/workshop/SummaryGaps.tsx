import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import type { Category } from '../../backend/wireTypes';
import { categoryLabel } from '../categoryLabel';
import { ErrorNote } from '../ErrorNote';
import { useErrorText } from '../useErrorText';
import { GapFigures } from './GapFigures';
import { plannerGroupOf } from './gapSettings';
import { useSessionGaps } from './useSessionGaps';

/** The gap figures with the settings they were counted with, so a reader can count again. */
export function SummaryGaps({ api, session, categories }: { api: WijkkrachtApi; session: WorkshopSession; categories: Category[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const gaps = useSessionGaps(api, session, true);
  const group = plannerGroupOf(session.gap_target);
  const [kind, id = ''] = session.gap_asset_target.split(':');
  const target =
    kind === 'category'
      ? categoryLabel(
          categories.find((category) => category.id === id),
          i18n.language,
        ) || id
      : kind === 'dimension'
        ? t(`dimension.${id}`)
        : t('planner.anyPlace');
  const figures = gaps.value?.figures;
  return (
    <section className="summary-section" aria-labelledby="summary-gaps-title">
      <h2 id="summary-gaps-title">{t('workshop.summary.gaps')}</h2>
      {figures && figures.cells > 0 && <GapFigures figures={figures} group={group} onFoot={session.gap_on_foot} />}
      {figures && figures.cells === 0 && <p className="hint">{t('workshop.gaps.noPopulation')}</p>}
      {gaps.error !== null && <ErrorNote message={errorText(gaps.error)} />}
      <p className="hint" data-testid="summary-gap-settings">
        {t(session.gap_on_foot ? 'workshop.summary.gapSettingsWalk' : 'workshop.summary.gapSettings', {
          distance: session.gap_distance_m,
          group: t(`planner.groups.${group}`),
          target,
        })}
      </p>
    </section>
  );
}
