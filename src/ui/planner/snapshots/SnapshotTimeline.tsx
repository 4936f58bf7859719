import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../../backend/api';
import type { Werkgebied } from '../../../backend/wireTypes';
import { snapshotStep, trendAt } from '../../../coverage/snapshotFigures';
import { snapshotExporter } from '../../../export/exporters';
import { snapshotsCsv } from '../../../export/snapshotExports';
import { useAction } from '../../useAction';
import { useErrorText } from '../../useErrorText';
import { useFileDownload } from '../../useFileDownload';
import type { PlannerState } from '../plannerState';
import { SnapshotComparison } from './SnapshotComparison';
import { SnapshotList } from './SnapshotList';
import { SnapshotMethodNote } from './SnapshotMethodNote';
import { SnapshotTrendChart } from './SnapshotTrendChart';
import { useSnapshotData } from './useSnapshotData';
import { PanelHeader } from '../../PanelHeader';

interface Props {
  api: WijkkrachtApi;
  werkgebied: Werkgebied | null;
  state: PlannerState;
  buurtNames: Map<string, string>;
  onClose(): void;
}

/** "Door de tijd": take a snapshot, see the trend at the planner's question, compare two dates, download them all. */
export function SnapshotTimeline({ api, werkgebied, state, buurtNames, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const taking = useAction();
  const download = useFileDownload();
  const { points, error, loading, reload } = useSnapshotData(api, {
    werkgebiedId: werkgebied?.id ?? null,
    target: state.target,
    onFoot: state.onFoot,
  });
  const trend = useMemo(() => (points ? trendAt(points, state.distance, state.group) : []), [points, state.distance, state.group]);
  const step = snapshotStep(state.distance);
  const dateOf = (iso: string | Date) =>
    t('snapshots.dateFormat', {
      date: new Date(iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }),
    });

  const shortDateOf = (date: Date) =>
    `${date.toLocaleDateString(i18n.language, { day: 'numeric', month: 'short' })} ${date.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}`;

  const take = async () => {
    if (!werkgebied) return;
    setSaved(null);
    await taking.run(async () => {
      const snapshot = await api.takeSnapshot(werkgebied.id, note);
      setNote('');
      setSaved(dateOf(snapshot.taken_at));
      reload();
    });
  };

  return (
    <section className="comparison snapshots" aria-labelledby={titleId} data-testid="snapshots">
      <PanelHeader section titleId={titleId} title={t('snapshots.title')} closeLabel={t('snapshots.close')} onClose={onClose} />
      <p className="hint">{t('snapshots.intro')}</p>
      {!werkgebied ? (
        <p className="notice">{t('snapshots.chooseWerkgebied')}</p>
      ) : (
        <>
          <label className="planner-field" htmlFor={noteId}>
            {t('snapshots.note')}
          </label>
          <input
            id={noteId}
            type="text"
            value={note}
            maxLength={200}
            placeholder={t('snapshots.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="button" className="primary snapshot-take" disabled={taking.busy} onClick={() => void take()}>
            {taking.busy ? t('snapshots.taking') : t('snapshots.take')}
          </button>
          {saved && (
            <p className="notice" role="status">
              {t('snapshots.taken', { date: saved })}
            </p>
          )}
          {(taking.error ?? (error !== null ? errorText(error) : null)) && (
            <p className="form-error" role="alert">
              {taking.error ?? errorText(error)}
            </p>
          )}
          {loading && <p className="hint">{t('snapshots.loading')}</p>}
          {points && points.length === 0 && <p className="notice">{t('snapshots.none')}</p>}
          {trend.length > 0 && (
            <>
              <p className="hint" data-testid="snapshot-distance">
                {[
                  t(state.onFoot ? 'snapshots.readAtWalk' : 'snapshots.readAt', { distance: step.distance }),
                  step.distance !== state.distance
                    ? t('snapshots.stepNote', { asked: Math.round(state.distance), distance: step.distance })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              </p>
              <SnapshotTrendChart points={trend} title={t(state.group === 'all' ? 'snapshots.trendTitle' : 'snapshots.trendTitle65')} />
              <SnapshotList api={api} points={trend} dateOf={dateOf} onDeleted={reload} />
              <SnapshotMethodNote method={points![points!.length - 1]!.method} onFoot={state.onFoot} />
              {trend.length >= 2 && (
                <SnapshotComparison
                  api={api}
                  points={trend}
                  state={state}
                  buurtNames={buurtNames}
                  dateOf={dateOf}
                  shortDateOf={shortDateOf}
                />
              )}
              <button
                type="button"
                disabled={download.busyId !== null}
                onClick={() =>
                  void download.run(snapshotExporter, async () =>
                    snapshotsCsv(points!, {
                      werkgebiedName: werkgebied.name,
                      target: state.target,
                      distance: state.distance,
                      onFoot: state.onFoot,
                      pace: state.pace,
                    }),
                  )
                }
              >
                {t('snapshots.export')}
              </button>
              {download.problem && (
                <p className="form-error" role="alert">
                  {download.problem}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
