import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../../backend/api';
import type { TrendPoint } from '../../../coverage/snapshotFigures';
import { useAction } from '../../useAction';

interface Props {
  api: WijkkrachtApi;
  points: TrendPoint[];
  dateOf(date: Date): string;
  onDeleted(): void;
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** Every snapshot, newest first: date, kind, note, share and places (the comparison has the rest); one taken by hand can go again. */
export function SnapshotList({ api, points, dateOf, onDeleted }: Props) {
  const { t, i18n } = useTranslation();
  const removing = useAction();
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <div className="buurt-table-wrap">
      <table className="buurt-table comparison-table" data-testid="snapshot-list">
        <caption>{t('snapshots.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('snapshots.date')}</th>
            <th scope="col">{t('snapshots.share')}</th>
            <th scope="col">{t('snapshots.places')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('snapshots.deleteColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...points].reverse().map((point) => (
            <tr key={point.id}>
              <th scope="row">
                {dateOf(point.takenAt)}
                <span className="snapshot-kind">{t(`snapshots.kinds.${point.kind}`)}</span>
                {point.note && <span className="snapshot-note">{point.note}</span>}
              </th>
              <td>{percent(point.share)}</td>
              <td>{number(point.places)}</td>
              <td>
                {point.kind === 'manual' && (
                  <button
                    type="button"
                    className="link-button"
                    disabled={removing.busy}
                    aria-label={t('snapshots.deleteName', { date: dateOf(point.takenAt) })}
                    onClick={() => {
                      if (!window.confirm(t('snapshots.deleteConfirm', { date: dateOf(point.takenAt) }))) return;
                      void removing.run(async () => void (await api.deleteSnapshot(point.id))).then((done) => done && onDeleted());
                    }}
                  >
                    {t('snapshots.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing.error && (
        <p className="form-error" role="alert">
          {removing.error}
        </p>
      )}
    </div>
  );
}
