import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import { ShareGridLines } from './ShareGridLines';
import type { TargetGroup } from '../../../domain/types';
import type { CoverageCurvePoint } from '../../../backend/wireTypes';

const width = 320;
const height = 170;
const margin = { top: 10, right: 12, bottom: 30, left: 40 };

interface CurveSeries {
  id: string;
  /** Shown in the legend when there is more than one curve. */
  label: string;
  points: CoverageCurvePoint[];
}

// Several curves differ in dash pattern as well as in colour, so colour is never the only difference.
const seriesStyles = [
  { className: 'curve-line', dash: undefined },
  { className: 'curve-line curve-2', dash: '7 4' },
  { className: 'curve-line curve-3', dash: '2 3' },
];

interface Props {
  series: CurveSeries[];
  group: TargetGroup;
  distance: number;
  title: string;
  testId: string;
}

/** Share of the group within reach, against distance (0–2000 m), one curve per series, with the slider's distance marked. */
export function CoverageCurveChart({ series, group, distance, title, testId }: Props) {
  const { t } = useTranslation();
  const x = scaleLinear()
    .domain([0, 2000])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const shareOf = (point: CoverageCurvePoint) => (group === 'all' ? point.share : point.share_65plus);
  const path = line<CoverageCurvePoint>()
    .defined((point) => shareOf(point) !== null)
    .x((point) => x(point.distance_m))
    .y((point) => y(shareOf(point) ?? 0));
  const styleOf = (index: number) => seriesStyles[index % seriesStyles.length]!;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={testId}>
        <ShareGridLines y={y} left={margin.left} right={width - margin.right} />
        {x.ticks(4).map((tick) => (
          <text key={tick} x={x(tick)} y={height - margin.bottom + 16} className="tick" textAnchor="middle">
            {tick} m
          </text>
        ))}
        <line x1={x(distance)} x2={x(distance)} y1={margin.top} y2={height - margin.bottom} className="marker-line" />
        {series.map((item, index) => {
          const d = path(item.points);
          const atDistance = item.points.find((point) => point.distance_m >= distance);
          const share = atDistance ? shareOf(atDistance) : null;
          return (
            <g key={item.id}>
              {d && <path d={d} className={styleOf(index).className} strokeDasharray={styleOf(index).dash} />}
              {share !== null && <circle cx={x(distance)} cy={y(share)} r={4} className="curve-dot" />}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend" aria-label={t('planner.comparison.werkgebied')}>
          {series.map((item, index) => (
            <li key={item.id}>
              <svg width="36" height="12" aria-hidden="true">
                <line x1="2" x2="34" y1="6" y2="6" className={styleOf(index).className} strokeDasharray={styleOf(index).dash} />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
