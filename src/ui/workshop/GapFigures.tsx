import { useTranslation } from 'react-i18next';
import type { CoverageFigures } from '../../backend/wireTypes';
import { groupFigures } from '../../coverage/coverageFigures';
import type { TargetGroup } from '../../domain/types';
import { walkDetourFactor } from '../../domain/nearby';

const headlineKey = (group: TargetGroup, onFoot: boolean) =>
  onFoot
    ? group === 'all'
      ? 'workshop.gaps.headlineWalk'
      : 'workshop.gaps.headlineWalk65'
    : group === 'all'
      ? 'planner.headline'
      : 'planner.headline65';

/** The planner's headline for one group, in the planner's words: "62% van de inwoners woont binnen 500 meter", or "… meter lopen". */
export function GapFigures({ figures, group, onFoot = false }: { figures: CoverageFigures; group: TargetGroup; onFoot?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = groupFigures(figures, group);
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <div className="gap-figures" data-testid="gap-figures">
      <p className="headline">
        {current.share === null
          ? t('planner.nobodyKnown')
          : t(headlineKey(group, onFoot), {
              share: Math.round(current.share * 100),
              distance: figures.distance_m,
            })}
      </p>
      {current.share !== null && (
        <p>
          {t(group === 'all' ? 'planner.uncovered' : 'planner.uncovered65', {
            count: current.uncovered,
            formatted: number(current.uncovered),
            total: number(current.residents),
          })}
        </p>
      )}
      {onFoot && <p className="hint">{t('workshop.gaps.walkHint', { factor: walkDetourFactor.toLocaleString(i18n.language) })}</p>}
      {figures.cells_estimated > 0 && <p className="hint">{t('planner.estimatedHint')}</p>}
    </div>
  );
}
