import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DashboardFieldsFragment } from '../gql/graphql';
import { capacityView, sortLoads, type OfferLoadInput } from './capacity';
import { CapacityBar } from './CapacityBar';

const NOW = new Date('2026-03-04T10:00:00Z'); // a Wednesday
const load = (used: number, remaining: number, over: Partial<OfferLoadInput['offer']> = {}, periodEnd = '2026-03-09T00:00:00Z') => ({
  used,
  remaining,
  periodStart: '2026-03-02T00:00:00Z',
  periodEnd,
  offer: { capacity: 3, period: 'WEEK' as const, status: 'ACTIVE' as const, ...over },
});

describe('the dashboard capacity logic', () => {
  it('given 1 of 3 used, then the bar is a third full, open, and says what is left this week', () => {
    const view = capacityView(load(1, 2), NOW);
    expect(view).toMatchObject({ used: 1, remaining: 2, total: 3, percentUsed: 33, tone: 'open', label: '1 of 3 used · 2 left this week', note: null });
  });

  it('given one place left of three, then the tone is low; none left, then full with a kind note', () => {
    expect(capacityView(load(2, 1), NOW).tone).toBe('low');
    const full = capacityView(load(3, 0), NOW);
    expect(full).toMatchObject({ percentUsed: 100, tone: 'full' });
    expect(full.note).toMatch(/Full for now/);
  });

  it('given a capacity lowered below what was already accepted, then the bar is capped and the note explains nothing is cancelled', () => {
    const view = capacityView(load(4, 0, { capacity: 2 }), NOW);
    expect(view).toMatchObject({ used: 4, total: 4, percentUsed: 100, tone: 'over', label: '4 of 2 used · 0 left this week' });
    expect(view.note).toMatch(/2 more than your current capacity of 2; nothing is cancelled/);
  });

  it('given the period end, then it says when capacity renews, in days or hours', () => {
    expect(capacityView(load(1, 2), NOW).renews).toMatch(/^Renews in 5 days, on /);
    expect(capacityView(load(1, 2, {}, '2026-03-04T15:00:00Z'), NOW).renews).toMatch(/^Renews in 5 hours, on /);
    expect(capacityView(load(1, 2, { period: 'MONTH' }), NOW).label).toBe('1 of 3 used · 2 left this month');
  });

  it('given paused and retired offers, then each says what it means for seekers', () => {
    expect(capacityView(load(0, 3, { status: 'PAUSED' }), NOW).note).toMatch(/Paused: seekers cannot ask/);
    expect(capacityView(load(1, 2, { status: 'RETIRED' }), NOW).note).toMatch(/Retired: accepted sessions still happen/);
  });

  it('given nonsense from a stale read (negative numbers, zero capacity), then the view stays sane', () => {
    expect(capacityView(load(-1, -2, { capacity: 0 }), NOW)).toMatchObject({ used: 0, remaining: 0, total: 1, percentUsed: 0 });
  });

  it('given several offers, then active ones come first, the fullest first', () => {
    const loads = [
      { ...load(0, 3, { status: 'PAUSED' }), id: 'paused' },
      { ...load(1, 2), id: 'roomy' },
      { ...load(3, 0), id: 'full' },
      { ...load(0, 1, { status: 'RETIRED' }), id: 'retired' },
    ];
    expect(sortLoads(loads).map((l) => l.id)).toEqual(['full', 'roomy', 'paused', 'retired']);
  });
});

describe('the capacity bar', () => {
  it('given a load, then it renders an accessible progress bar with the words, not only the colour', () => {
    const offerLoad = {
      ...load(2, 1),
      offer: { id: 'o1', kind: 'ADVICE_CALL', title: 'Backend career chat', description: '', topics: [], capacity: 3, period: 'WEEK', durationMinutes: 30, status: 'ACTIVE', minCompletedEngagements: null },
    } as DashboardFieldsFragment['offers'][number];
    render(<CapacityBar load={offerLoad} now={NOW} />);
    const bar = screen.getByRole('progressbar', { name: 'Backend career chat' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    expect(bar.getAttribute('aria-valuetext')).toBe('2 of 3 used · 1 left this week');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('67%');
    expect(screen.getByText(/Renews in 5 days/)).not.toBeNull();
  });
});
