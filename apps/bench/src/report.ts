import { cpus } from 'node:os';
import type { BenchRow } from './bench-row.js';

/** Renders benchmark rows as a Markdown table, grouped as they were measured. */
export function renderReport(rows: BenchRow[], startedAt: Date, notes: string[]): string {
  const lines = [
    '# Benchmark results',
    '',
    `Run at ${startedAt.toISOString()} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
    'Each figure is the median of several alternating rounds, each contender in its own process, against the same',
    'PostgreSQL server and Kafka broker. Ratios compare contenders measured in this same run.',
    '',
    '| group | contender | median | unit | ratio |',
    '|---|---|---:|---|---|',
    ...rows.map((r) => `| ${r.group} | ${r.contender} | ${fmt(r.median)} | ${r.unit} | ${r.ratio ?? ''} |`),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
  return lines.join('\n');
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
