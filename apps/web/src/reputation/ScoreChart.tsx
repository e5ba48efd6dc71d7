import { formatDate } from '../ui/format';
import { scoreSeries } from './score-series';

const W = 640;
const H = 170;
const LEFT = 40;
const PAD = 20;

/**
 * A small step chart of the score after each ledger line (evenly spaced, so a busy day stays
 * readable), with the first and last dates, and a sentence for screen readers.
 */
export function ScoreChart({ lines, score }: { lines: readonly { points: number; occurredAt: string }[]; score: number }) {
  const series = scoreSeries(lines, score);
  if (series.length < 2) return null;
  const lo = Math.min(0, ...series.map((p) => p.score));
  const hi = Math.max(1, ...series.map((p) => p.score));
  const x = (i: number) => LEFT + (i / (series.length - 1)) * (W - LEFT - PAD);
  const y = (s: number) => H - PAD - 14 - ((s - lo) / (hi - lo)) * (H - 2 * PAD - 14);
  const path = series.map((p, i) => (i === 0 ? `M${x(0)},${y(p.score)}` : `H${x(i)}V${y(p.score)}`)).join(' ');
  const first = new Date(series[0]!.at);
  const last = new Date(series[series.length - 1]!.at);
  const summary = `Score went from ${series[0]!.score} on ${formatDate(first)} to ${score} on ${formatDate(last)}, over ${series.length - 1} ledger lines.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line x1={LEFT} x2={W - PAD} y1={y(0)} y2={y(0)} className="chart__zero" />
        <text x={LEFT - 6} y={y(hi) + 4} textAnchor="end" className="chart__label">
          {hi}
        </text>
        <text x={LEFT - 6} y={y(lo) + 4} textAnchor="end" className="chart__label">
          {lo}
        </text>
        <path d={path} className="chart__line" />
        {series.slice(1).map((p, i) => (
          <circle key={i} cx={x(i + 1)} cy={y(p.score)} r={3.5} className="chart__dot" />
        ))}
        <text x={LEFT} y={H - 4} className="chart__label">
          {formatDate(first)}
        </text>
        <text x={W - PAD} y={H - 4} textAnchor="end" className="chart__label">
          {formatDate(last)}
        </text>
      </svg>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}
