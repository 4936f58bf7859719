import { curveLinearClosed, lineRadial } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import { groupFigures } from '../../../coverage/coverageFigures';
import type { HealthDimension, TargetGroup } from '../../../domain/types';
import type { CoverageFigures } from '../../../backend/wireTypes';

// Wide enough for the longest label ("Kwaliteit van leven") beside the web.
const width = 380;
const height = 270;
const radius = 78;

/**
 * The "spinnenweb" of Positive Health: for each of Huber's six dimensions, the
 * share of the group within reach of a place that helps with it.
 */
export function DimensionRadarChart({
  dimensions,
  group,
  note,
}: {
  dimensions: Array<{ dimension: HealthDimension; figures: CoverageFigures }>;
  group: TargetGroup;
  /** e.g. that trial places are left out. */
  note?: string;
}) {
  const { t } = useTranslation();
  const angle = (index: number) => (index / dimensions.length) * 2 * Math.PI;
  const shares = dimensions.map(({ figures }) => groupFigures(figures, group).share ?? 0);
  const web = lineRadial<number>()
    .angle((_, index) => angle(index))
    .radius((share) => share * radius)
    .curve(curveLinearClosed);
  const ring = (level: number) => web(dimensions.map(() => level)) ?? '';
  return (
    <figure className="chart">
      <figcaption>{t('planner.radarTitle')}</figcaption>
      {note && <p className="hint">{note}</p>}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('planner.radarTitle')} data-testid="dimension-radar">
        <g transform={`translate(${width / 2}, ${height / 2})`}>
          {[0.25, 0.5, 0.75, 1].map((level) => (
            <path key={level} d={ring(level)} className="grid-line" fill="none" />
          ))}
          {dimensions.map(({ dimension }, index) => {
            // lineRadial measures angles clockwise from 12 o'clock.
            const [dx, dy] = [Math.sin(angle(index)), -Math.cos(angle(index))];
            return (
              <g key={dimension}>
                <line x1={0} y1={0} x2={dx * radius} y2={dy * radius} className="grid-line" />
                {/* Name and share on two lines, so the labels beside the web stay narrow. */}
                <text
                  x={dx * (radius + 10)}
                  y={dy * (radius + 10) + (dy < -0.5 ? -8 : dy > 0.5 ? 4 : -4)}
                  className="tick"
                  textAnchor={Math.abs(dx) < 0.2 ? 'middle' : dx > 0 ? 'start' : 'end'}
                >
                  <tspan>{t(`dimension.${dimension}`)}</tspan>
                  <tspan x={dx * (radius + 10)} dy="1.2em" className="tick-value">
                    {Math.round(shares[index]! * 100)}%
                  </tspan>
                </text>
              </g>
            );
          })}
          <path d={web(shares) ?? ''} className="radar-area" />
        </g>
      </svg>
    </figure>
  );
}
