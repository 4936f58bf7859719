import { scaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import { groupFigures } from '../../../coverage/coverageFigures';
import type { TargetGroup } from '../../../domain/types';
import type { BuurtCoverage } from '../../../backend/wireTypes';

const width = 320;
const rowHeight = 18;
const labelWidth = 130;

/** One bar per buurt: the share of the group within reach, lowest first, so the gaps come first. */
export function BuurtBarsChart({ rows, group, names }: { rows: BuurtCoverage[]; group: TargetGroup; names: Map<string, string> }) {
  const { t } = useTranslation();
  const bars = rows
    .filter((row) => row.buurt_code !== null)
    .map((row) => ({ code: row.buurt_code!, name: names.get(row.buurt_code!) ?? row.buurt_code!, ...groupFigures(row, group) }))
    .filter((bar) => bar.share !== null)
    .sort((a, b) => a.share! - b.share! || a.name.localeCompare(b.name));
  const x = scaleLinear()
    .domain([0, 1])
    .range([labelWidth, width - 34]);
  const height = Math.max(bars.length, 1) * rowHeight + 4;
  return (
    <figure className="chart bars">
      <figcaption>{t('planner.barsTitle')}</figcaption>
      <div className="chart-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('planner.barsTitle')} data-testid="buurt-bars">
          {bars.map((bar, index) => (
            <g key={bar.code} transform={`translate(0, ${index * rowHeight + 2})`}>
              <text x={labelWidth - 6} y={rowHeight / 2} className="tick" textAnchor="end" dominantBaseline="middle">
                {bar.name.length > 20 ? `${bar.name.slice(0, 19)}…` : bar.name}
              </text>
              <rect x={x(0)} y={3} width={x(1) - x(0)} height={rowHeight - 6} className="bar-track" />
              <rect x={x(0)} y={3} width={x(bar.share!) - x(0)} height={rowHeight - 6} className="bar" />
              <text x={x(1) + 4} y={rowHeight / 2} className="tick" dominantBaseline="middle">
                {Math.round(bar.share! * 100)}%
              </text>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
