/** A point of the score-over-time chart. */
export interface ScorePoint {
  at: number;
  score: number;
}

/**
 * The score after each ledger line, oldest first, from the newest lines the page has loaded.
 * Older lines not loaded are folded into the starting value, so the last point is the score.
 */
export function scoreSeries(lines: readonly { points: number; occurredAt: string }[], score: number): ScorePoint[] {
  const ordered = [...lines].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  let running = score - ordered.reduce((sum, l) => sum + l.points, 0);
  const series: ScorePoint[] = [];
  if (ordered.length > 0) series.push({ at: Date.parse(ordered[0]!.occurredAt), score: running });
  for (const line of ordered) {
    running += line.points;
    series.push({ at: Date.parse(line.occurredAt), score: running });
  }
  return series;
}
