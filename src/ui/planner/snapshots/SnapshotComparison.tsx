import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../../backend/api';
import { comparisonAt, comparisonTotal, shareChange, type SnapshotFigures, type TrendPoint } from '../../../coverage/snapshotFigures';
import { useApiResource } from '../../useApiResource';
import { useErrorText } from '../../useErrorText';
import type { PlannerState } from '../plannerState';

interface Props {
  api: WijkkrachtApi;
  /** Oldest first. */
  points: TrendPoint[];
  state: PlannerState;
  buurtNames: Map<string, string>;
  dateOf(date: Date): string;
  /** A short date for a column heading, e.g. "3 dec. 18:13". */
  shortDateOf(date: Date): string;
}

const percent = (figures: SnapshotFigures | null) => (figures?.share == null ? '–' : `${Math.round(figures.share * 100)}%`);

/** Two dates side by side per buurt at the planner's question (public.compare_snapshots, read at any distance here). */
export function SnapshotComparison({ api, points, state, buurtNames, dateOf, shortDateOf }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const firstId = useId();
  const secondId = useId();
  const [chosen, setChosen] = useState<{ first: string | null; second: string | null }>({ first: null, second: null });
  // Unless chosen (and still there): the oldest and the newest.
  const first = points.find((point) => point.id === chosen.first)?.id ?? points[0]!.id;
  const second = points.find((point) => point.id === chosen.second)?.id ?? points[points.length - 1]!.id;
  const { target, onFoot, distance, group } = state;
  const load = useCallback(
    () => (first === second ? Promise.resolve(null) : api.compareSnapshots({ first, second, target, onFoot })),
    [api, first, second, target, onFoot],
  );
  const comparison = useApiResource(load);
  const answer = comparison.value;
  const rows = answer ? comparisonAt(answer, distance, group) : [];
  const number = (value: number) => value.toLocaleString(i18n.language);
  const changeText = (change: number | null) =>
    change === null ? '–' : t('snapshots.changeValue', { sign: change > 0 ? '+' : '', points: change.toLocaleString(i18n.language) });
  const countsOf = (id: string) => points.find((point) => point.id === id)!;

  const picker = (id: string, label: string, value: string, side: 'first' | 'second') => (
    <label className="planner-field" htmlFor={id}>
      {label}
      <select id={id} value={value} onChange={(event) => setChosen((now) => ({ ...now, [side]: event.target.value }))}>
        {points.map((point) => (
          <option key={point.id} value={point.id}>
            {dateOf(point.takenAt)}
            {point.note ? ` – ${point.note}` : ''}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="snapshot-comparison" aria-label={t('snapshots.compareTitle')}>
      <h4>{t('snapshots.compareTitle')}</h4>
      {picker(firstId, t('snapshots.first'), first, 'first')}
      {picker(secondId, t('snapshots.second'), second, 'second')}
      {first === second && <p className="notice">{t('snapshots.sameTwice')}</p>}
      {comparison.error !== null && (
        <p className="form-error" role="alert">
          {errorText(comparison.error)}
        </p>
      )}
      {answer && first !== second && (
        <div className={`snapshot-table-wrap${comparison.loading ? ' stale' : ''}`}>
          <table className="buurt-table comparison-table" data-testid="snapshot-comparison">
            <thead>
              <tr>
                <th scope="col">{t('snapshots.buurt')}</th>
                <th scope="col">{shortDateOf(new Date(answer.first.taken_at))}</th>
                <th scope="col">{shortDateOf(new Date(answer.second.taken_at))}</th>
                <th scope="col">{t('snapshots.change')}</th>
              </tr>
            </thead>
            <tbody>
              {(() => {
                const then = comparisonTotal(answer, 'first', distance, group);
                const later = comparisonTotal(answer, 'second', distance, group);
                const change = then.share !== null && later.share !== null ? shareChange(then.share, later.share) : null;
                return (
                  <tr className="total-row" data-testid="snapshot-comparison-total">
                    <th scope="row">{t('snapshots.werkgebiedTotal')}</th>
                    <td>{percent(then)}</td>
                    <td>{percent(later)}</td>
                    <td>{changeText(change)}</td>
                  </tr>
                );
              })()}
              {rows.map((row) => (
                <tr key={row.buurtCode}>
                  <th scope="row">{row.buurtCode ? (buurtNames.get(row.buurtCode) ?? row.buurtCode) : t('snapshots.outsideBuurten')}</th>
                  <td>{percent(row.first)}</td>
                  <td>{percent(row.second)}</td>
                  <td>{changeText(row.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('snapshots.changeHint')}</p>
          <table className="buurt-table comparison-table" data-testid="snapshot-counts">
            <caption>{t('snapshots.countsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('snapshots.what')}</span>
                </th>
                <th scope="col">{shortDateOf(new Date(answer.first.taken_at))}</th>
                <th scope="col">{shortDateOf(new Date(answer.second.taken_at))}</th>
              </tr>
            </thead>
            <tbody>
              {(['places', 'stories', 'appreciations'] as const).map((what) => (
                <tr key={what}>
                  <th scope="row">{t(`snapshots.${what}`)}</th>
                  <td>{number(countsOf(first)[what])}</td>
                  <td>{number(countsOf(second)[what])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
