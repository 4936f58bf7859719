import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { Werkgebied } from '../../backend/wireTypes';
import { groupFigures } from '../../coverage/coverageFigures';
import { toggleLimited } from '../../domain/limitedSelection';
import type { CoverageTarget, TargetGroup } from '../../domain/types';
import { useErrorText } from '../useErrorText';
import { CoverageCurveChart } from './charts/CoverageCurveChart';
import { wholeMinutesAt } from '../../domain/nearby';
import { useComparisonData } from './useComparisonData';
import { PanelHeader } from '../PanelHeader';

const maxCompared = 3;

interface Props {
  api: WijkkrachtApi;
  werkgebieden: Werkgebied[];
  target: CoverageTarget;
  distance: number;
  /** Without the places possibly gone, as the planner asks. */
  withoutStale: boolean;
  /** On foot at this pace (km/h), as the planner asks; null: in a straight line. */
  walkingPace: number | null;
  group: TargetGroup;
  onClose(): void;
}

/** "Vergelijking": two or three werkgebieden side by side at the planner's question, in a table and one chart. */
export function WerkgebiedComparison({ api, werkgebieden, target, distance, withoutStale, walkingPace, group, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const captionId = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  // Ticked order, but only werkgebieden that still exist.
  const compared = chosen.filter((id) => werkgebieden.some((werkgebied) => werkgebied.id === id));
  const { figures, curves } = useComparisonData(api, {
    werkgebiedIds: compared,
    target,
    distance,
    withoutStale,
    onFoot: walkingPace !== null,
  });
  const nameOf = (id: string) => werkgebieden.find((werkgebied) => werkgebied.id === id)?.name ?? id;
  const number = (value: number) => value.toLocaleString(i18n.language);
  const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
  const ready = compared.length >= 2;
  const rows = ready ? (figures.value ?? []).filter((row) => compared.includes(row.id)) : [];
  const series = ready
    ? (curves.value ?? [])
        .filter((curve) => compared.includes(curve.id))
        .map((curve) => ({ id: curve.id, label: nameOf(curve.id), points: curve.points }))
    : [];
  const error = figures.error ?? curves.error;

  return (
    <section className="comparison" aria-labelledby={titleId}>
      <PanelHeader
        section
        titleId={titleId}
        title={t('planner.comparison.title')}
        closeLabel={t('planner.comparison.close')}
        onClose={onClose}
      />
      {werkgebieden.length < 2 ? (
        <p className="notice">{t('planner.comparison.tooFew')}</p>
      ) : (
        <fieldset className="comparison-choice">
          <legend>{t('planner.comparison.choose')}</legend>
          {werkgebieden.map((werkgebied) => {
            const ticked = compared.includes(werkgebied.id);
            return (
              <label key={werkgebied.id} className="check-row">
                <input
                  type="checkbox"
                  checked={ticked}
                  disabled={!ticked && compared.length >= maxCompared}
                  onChange={() => setChosen(toggleLimited(compared, werkgebied.id, maxCompared))}
                />
                <span>{werkgebied.name}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {ready && rows.length > 0 && (
        <div className={`buurt-table-wrap${figures.upToDate ? '' : ' stale'}`}>
          <table className="buurt-table comparison-table" data-testid="comparison-table" aria-describedby={captionId}>
            <thead>
              <tr>
                <th scope="col">{t('planner.comparison.werkgebied')}</th>
                <th scope="col">{t('planner.comparison.residents')}</th>
                <th scope="col">{t('planner.comparison.shareAll')}</th>
                <th scope="col">{t('planner.comparison.share65')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{nameOf(row.id)}</th>
                  <td>{number(row.figures.residents)}</td>
                  <td>{percent(groupFigures(row.figures, 'all').share)}</td>
                  <td>{percent(groupFigures(row.figures, '65plus').share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ready && rows.length > 0 && (
        <p className="hint" id={captionId}>
          {walkingPace === null
            ? t('planner.comparison.caption', { distance })
            : t('planner.comparison.captionWalk', { distance, count: wholeMinutesAt(distance, walkingPace) })}
        </p>
      )}
      {series.length >= 2 && (
        <CoverageCurveChart
          series={series}
          group={group}
          distance={distance}
          title={t('planner.comparison.curveTitle')}
          testId="comparison-curve"
        />
      )}
    </section>
  );
}
