import { fold } from './decider.js';

describe('fold', () => {
  const counter = {
    initialState: () => ({ total: 0, seen: [] as string[] }),
    evolve: (s: { total: number; seen: string[] }, e: { type: string; data: { by: number } }) => ({
      total: s.total + e.data.by,
      seen: [...s.seen, e.type],
    }),
  };

  it('given no events, when folded, then the state is the initial state', () => {
    expect(fold(counter, [])).toEqual({ total: 0, seen: [] });
  });

  it('given events, when folded, then they are folded in order', () => {
    const events = [
      { type: 'Added', data: { by: 2 } },
      { type: 'Removed', data: { by: -1 } },
      { type: 'Added', data: { by: 5 } },
    ];
    expect(fold(counter, events)).toEqual({ total: 6, seen: ['Added', 'Removed', 'Added'] });
  });
});
