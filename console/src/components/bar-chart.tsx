// A plain horizontal bar chart in SVG: a title, one labelled bar per row, the value written beside
// it, and the same figures as a table for screen readers.
export interface Bar {
  label: string;
  value: number | null;
}

const ROW = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;

export function BarChart({ title, bars, max, unit, noValue }: { title: string; bars: Bar[]; max: number; unit: string; noValue: string }) {
  const height = bars.length * ROW + 8;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} width={LABEL_WIDTH + BAR_WIDTH + 80} height={height} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 80} ${height}`}>
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const width = bar.value === null || max === 0 ? 0 : Math.max(1, (bar.value / max) * BAR_WIDTH);
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + 17} textAnchor="end" className="chart-label">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 10} className="chart-bar" />
              <text x={LABEL_WIDTH + width + 6} y={y + 17} className="chart-value">
                {bar.value === null ? noValue : `${bar.value}${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
