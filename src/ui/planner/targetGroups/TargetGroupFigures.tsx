import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../../backend/api';
import type { TargetGroup } from '../../../backend/wireTypes';
import { snapshotStep } from '../../../coverage/snapshotFigures';
import { targetGroupAt, type GroupFiguresAt } from '../../../coverage/targetGroupFigures';
import { useApiResource } from '../../useApiResource';
import { useErrorText } from '../../useErrorText';
import type { PlannerState } from '../plannerState';

interface Props {
  api: WijkkrachtApi;
  group: TargetGroup;
  state: PlannerState;
  buurtNames: Map<string, string>;
}

/** The group's figures at the planner's question, read at every distance from one answer per target and way of measuring. */
export function TargetGroupFigures({ api, group, state, buurtNames }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { target, onFoot, distance } = state;
  const load = useCallback(() => api.targetGroupCoverage({ groupId: group.id, target, onFoot }), [api, group.id, target, onFoot]);
  const coverage = useApiResource(load);
  const number = (value: number) => value.toLocaleString(i18n.language);
  const step = snapshotStep(distance);
  if (coverage.error !== null) {
    return (
      <p className="form-error" role="alert">
        {errorText(coverage.error)}
      </p>
    );
  }
  // An answer to another group, target or way of measuring is never shown under this question.
  const answer = coverage.value;
  if (!answer || answer.id !== group.id || answer.target !== target || answer.on_foot !== onFoot) return null;
  const figures = targetGroupAt(answer, distance);
  const { shown, percent } = figures.werkgebied;
  const values = { name: group.name, distance: step.distance, total: number(shown.total ?? 0) };
  const headline =
    shown.few === 'total'
      ? t('targetGroups.headlineFewTotal', values)
      : shown.few === 'covered'
        ? t('targetGroups.headlineFewCovered', values)
        : shown.few === 'uncovered'
          ? t('targetGroups.headlineFewUncovered', values)
          : t('targetGroups.headline', { ...values, covered: number(shown.covered!), share: percent });
  const cell = (figures: GroupFiguresAt) =>
    figures.shown.few === 'covered'
      ? t('targetGroups.few')
      : figures.shown.few === 'uncovered'
        ? t('targetGroups.fewUncovered')
        : figures.percent === null
          ? '–'
          : `${figures.percent}%`;

  return (
    <div className={`target-group-figures${coverage.loading ? ' stale' : ''}`} data-testid="target-group-figures">
      <p className="headline" aria-live="polite">
        {headline}
      </p>
      {onFoot && <p className="hint">{t('targetGroups.onFoot')}</p>}
      {step.distance !== distance && (
        <p className="hint">{t('targetGroups.stepNote', { asked: Math.round(distance), distance: step.distance })}</p>
      )}
      <div className="snapshot-table-wrap">
        <table className="buurt-table comparison-table" data-testid="target-group-buurten">
          <thead>
            <tr>
              <th scope="col">{t('targetGroups.buurt')}</th>
              <th scope="col">{t('targetGroups.total')}</th>
              <th scope="col">{t('targetGroups.covered')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.buurten.map((buurt) => (
              <tr key={buurt.buurtCode}>
                <th scope="row">
                  {buurt.buurtCode ? (buurtNames.get(buurt.buurtCode) ?? buurt.buurtCode) : t('targetGroups.outsideBuurten')}
                </th>
                <td>{buurt.shown.total === null ? t('targetGroups.few') : number(buurt.shown.total)}</td>
                <td>{buurt.shown.total === null ? '–' : cell(buurt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('targetGroups.noMap')}</p>
    </div>
  );
}
