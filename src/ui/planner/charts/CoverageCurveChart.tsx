import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import type { TargetGroup } from '../../../domain/types';
import type { CoverageCurvePoint } from '../../../backend/wireTypes';

const width = 320;
const height = 170;
const margin = { top: 10, right: 12, bottom: 30, left: 40 };

/** Share of the group within reach, against distance (0–2000 m), with the slider's distance marked. */
export function CoverageCurveChart({ points, group, distance }: { points: CoverageCurvePoint[]; group: TargetGroup; distance: number }) {
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
    .y((point) => y(shareOf(point) ?? 0))(points);
  const atDistance = points.find((point) => point.distance_m >= distance);
  return (
    <figure className="chart">
      <figcaption>{t('planner.curveTitle')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('planner.curveTitle')} data-testid="coverage-curve">
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="grid-line" />
            <text x={margin.left - 6} y={y(tick)} className="tick" textAnchor="end" dominantBaseline="middle">
              {Math.round(tick * 100)}%
            </text>
          </g>
        ))}
        {x.ticks(4).map((tick) => (
          <text key={tick} x={x(tick)} y={height - margin.bottom + 16} className="tick" textAnchor="middle">
            {tick} m
          </text>
        ))}
        <line x1={x(distance)} x2={x(distance)} y1={margin.top} y2={height - margin.bottom} className="marker-line" />
        {path && <path d={path} className="curve-line" />}
        {atDistance && shareOf(atDistance) !== null && <circle cx={x(distance)} cy={y(shareOf(atDistance)!)} r={4} className="curve-dot" />}
      </svg>
    </figure>
  );
}
