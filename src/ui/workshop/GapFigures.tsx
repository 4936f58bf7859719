import { useTranslation } from 'react-i18next';
import type { CoverageFigures } from '../../backend/wireTypes';
import { groupFigures } from '../../coverage/coverageFigures';
import type { TargetGroup } from '../../domain/types';

/** The planner's headline for one group, in the planner's words: "62% van de inwoners woont binnen 500 meter". */
export function GapFigures({ figures, group }: { figures: CoverageFigures; group: TargetGroup }) {
  const { t, i18n } = useTranslation();
  const current = groupFigures(figures, group);
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <div className="gap-figures" data-testid="gap-figures">
      <p className="headline">
        {current.share === null
          ? t('planner.nobodyKnown')
          : t(group === 'all' ? 'planner.headline' : 'planner.headline65', {
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
      {figures.cells_estimated > 0 && <p className="hint">{t('planner.estimatedHint')}</p>}
    </div>
  );
}
