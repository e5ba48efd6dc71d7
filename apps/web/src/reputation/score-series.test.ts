import { describe, expect, it } from 'vitest';
import { scoreSeries } from './score-series';

describe('the score-over-time series', () => {
  it('given ledger lines newest first, then it runs oldest first and ends at the score', () => {
    const lines = [
      { points: 5, occurredAt: '2026-03-03T10:00:00Z' },
      { points: -10, occurredAt: '2026-03-02T10:00:00Z' },
      { points: 10, occurredAt: '2026-03-01T10:00:00Z' },
    ];
    expect(scoreSeries(lines, 5).map((p) => p.score)).toEqual([0, 10, 0, 5]);
  });

  it('given only the newest lines loaded, then the older ones are folded into the starting value', () => {
    expect(scoreSeries([{ points: 2, occurredAt: '2026-03-03T10:00:00Z' }], 42).map((p) => p.score)).toEqual([40, 42]);
  });
});
