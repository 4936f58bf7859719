import type { ScaleLinear } from 'd3-scale';

/** The horizontal lines and percentages of a chart whose y axis is a share (0–100 %), from `left` to `right`. */
export function ShareGridLines({ y, left, right }: { y: ScaleLinear<number, number>; left: number; right: number }) {
  return (
    <>
      {y.ticks(4).map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} className="grid-line" />
          <text x={left - 6} y={y(tick)} className="tick" textAnchor="end" dominantBaseline="middle">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
    </>
  );
}
