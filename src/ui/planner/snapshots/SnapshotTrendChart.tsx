import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import { ShareGridLines } from '../charts/ShareGridLines';
import type { TrendPoint } from '../../../coverage/snapshotFigures';

const width = 320;
const height = 170;
const margin = { top: 10, right: 16, bottom: 30, left: 40 };
const day = 24 * 3600 * 1000;

/** The share within reach at each snapshot, against its date; a manual snapshot is a square, a monthly one a dot. */
export function SnapshotTrendChart({ points, title }: { points: TrendPoint[]; title: string }) {
  const { t, i18n } = useTranslation();
  const times = points.map((point) => point.takenAt.getTime());
  // One snapshot (or several on one day) still gets a readable axis: a fortnight either side.
  const first = Math.min(...times);
  const last = Math.max(...times);
  const [start, end] = last - first < day ? [first - 14 * day, last + 14 * day] : [first, last];
  const time = scaleLinear()
    .domain([start, end])
    .range([margin.left, width - margin.right]);
  // Within one day (a session's before and after) the dates would fall on one line: there the snapshots stand in order.
  const sameDay = last - first < day && points.length > 1;
  const order = scaleLinear()
    .domain([0, points.length - 1])
    .range([margin.left + 20, width - margin.right - 20]);
  const xOf = (point: TrendPoint) => (sameDay ? order(points.indexOf(point)) : time(point.takenAt.getTime()));
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const known = points.filter((point) => point.share !== null);
  const path = line<TrendPoint>()
    .x(xOf)
    .y((point) => y(point.share ?? 0))(known);
  const dateLabel = (time: number) => new Date(time).toLocaleDateString(i18n.language, { month: 'short', year: 'numeric' });
  const ticks = last - first < day ? [first] : [first, last];
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid="snapshot-trend">
        <ShareGridLines y={y} left={margin.left} right={width - margin.right} />
        {ticks.map((tick, index) => (
          <text
            key={tick}
            x={sameDay ? (margin.left + width - margin.right) / 2 : time(tick)}
            y={height - margin.bottom + 16}
            className="tick"
            textAnchor={ticks.length > 1 ? (index === 0 ? 'start' : 'end') : 'middle'}
          >
            {dateLabel(tick)}
          </text>
        ))}
        {path && <path d={path} className="curve-line" />}
        {known.map((point) =>
          point.kind === 'manual' ? (
            <rect key={point.id} x={xOf(point) - 4} y={y(point.share!) - 4} width={8} height={8} className="curve-dot" />
          ) : (
            <circle key={point.id} cx={xOf(point)} cy={y(point.share!)} r={4} className="curve-dot" />
          ),
        )}
      </svg>
      <ul className="chart-legend">
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4" className="curve-dot" />
          </svg>
          {t('snapshots.kinds.monthly')}
        </li>
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <rect x="2" y="2" width="8" height="8" className="curve-dot" />
          </svg>
          {t('snapshots.kinds.manual')}
        </li>
      </ul>
    </figure>
  );
}
