import type { CapacityEvent } from '@payforward/contracts';
import { fold, spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents, uuid } from '../shared/spec.fixtures.js';
import { capacityLedgerDecider, type CapacityCommand } from './capacity.decider.js';
import { capacityUsage } from './capacity.state.js';
import { periodFor } from './capacity.period.js';

const offerId = uuid(20);
const periodKey = '2026-W48';
const now = new Date('2026-11-25T10:00:00.000Z');
const at = now.toISOString();
const request = (n: number) => uuid(100 + n);

const reserve = (n: number, capacity = 3): CapacityCommand => ({
  type: 'ReserveCapacity',
  data: { offerId, periodKey, requestId: request(n), capacity, period: 'WEEK', now },
});
const release = (n: number, reason: 'INTRO_DECLINED' | 'ACCEPT_ABORTED' = 'INTRO_DECLINED'): CapacityCommand => ({
  type: 'ReleaseCapacity',
  data: { offerId, periodKey, requestId: request(n), reason, now },
});
const reserved = (n: number, used: number, capacity = 3): CapacityEvent => ({
  type: 'CapacityReserved',
  data: { offerId, periodKey, requestId: request(n), capacity, used, reservedAt: at },
});
const released = (n: number, used: number): CapacityEvent => ({
  type: 'CapacityReleased',
  data: { offerId, periodKey, requestId: request(n), reason: 'INTRO_DECLINED', used, releasedAt: at },
});

describe('capacity ledger decider: ReserveCapacity', () => {
  it('given an empty ledger, when reserving, then CapacityReserved with 1 used', () => {
    const events = spec(capacityLedgerDecider).given([]).when(reserve(1)).events();
    expect(events).toEqual([reserved(1, 1)]);
    expectValidEvents(events);
  });

  it('given 2 of 3 used, when reserving, then the last unit is taken', () => {
    expect(spec(capacityLedgerDecider).given([reserved(1, 1), reserved(2, 2)]).when(reserve(3)).events()).toEqual([reserved(3, 3)]);
  });

  it('given 3 of 3 used, when reserving, then CAPACITY_EXHAUSTED naming the period and the count', () => {
    const error = spec(capacityLedgerDecider).given([reserved(1, 1), reserved(2, 2), reserved(3, 3)]).when(reserve(4)).error();
    expectRefusal(error, 'CAPACITY_EXHAUSTED', 'id', /no capacity left this week \(3 of 3 used\)/);
  });

  it('given the request already holds a reservation, when reserving again (a retried accept), then nothing new is recorded', () => {
    expect(spec(capacityLedgerDecider).given([reserved(1, 1), reserved(2, 2), reserved(3, 3)]).when(reserve(2)).events()).toEqual([]);
  });

  it('given capacity was lowered below what is used, when reserving, then CAPACITY_EXHAUSTED', () => {
    expectRefusal(spec(capacityLedgerDecider).given([reserved(1, 1), reserved(2, 2)]).when(reserve(3, 2)).error(), 'CAPACITY_EXHAUSTED', 'id');
  });

  it('given a released unit, when reserving, then it can be used again', () => {
    const given = [reserved(1, 1), reserved(2, 2), reserved(3, 3), released(2, 2)];
    expect(spec(capacityLedgerDecider).given(given).when(reserve(4)).events()).toEqual([reserved(4, 3)]);
  });

  it('given 100 requests racing for capacity 3 in one ledger, when they are decided in append order, then exactly 3 are reserved', () => {
    let events: CapacityEvent[] = [];
    let refused = 0;
    for (let n = 0; n < 100; n++) {
      try {
        events = [...events, ...capacityLedgerDecider.decide(reserve(n), fold(capacityLedgerDecider, events))];
      } catch {
        refused++;
      }
    }
    expect(events).toHaveLength(3);
    expect(refused).toBe(97);
    expect(capacityUsage(fold(capacityLedgerDecider, events), 3)).toEqual({ used: 3, remaining: 0 });
  });
});

describe('capacity ledger decider: ReleaseCapacity', () => {
  it('given a reservation, when released, then CapacityReleased with the new count', () => {
    const events = spec(capacityLedgerDecider).given([reserved(1, 1), reserved(2, 2)]).when(release(1)).events();
    expect(events).toEqual([released(1, 1)]);
    expectValidEvents(events);
  });

  it('given an aborted accept, when released, then the reason says so', () => {
    const [event] = spec(capacityLedgerDecider).given([reserved(1, 1)]).when(release(1, 'ACCEPT_ABORTED')).events();
    expect(event!.data).toMatchObject({ reason: 'ACCEPT_ABORTED', used: 0 });
  });

  it('given no reservation for the request, when released (a retried compensation), then nothing is recorded', () => {
    expect(spec(capacityLedgerDecider).given([reserved(1, 1), released(1, 0)]).when(release(1)).events()).toEqual([]);
    expect(spec(capacityLedgerDecider).given([]).when(release(7)).events()).toEqual([]);
  });

  it('reports used and remaining, never below zero remaining', () => {
    const state = fold(capacityLedgerDecider, [reserved(1, 1), reserved(2, 2)]);
    expect(capacityUsage(state, 5)).toEqual({ used: 2, remaining: 3 });
    expect(capacityUsage(state, 1)).toEqual({ used: 2, remaining: 0 });
  });
});

describe('periodFor (UTC periods)', () => {
  const window = (period: 'WEEK' | 'MONTH', at: string) => {
    const p = periodFor(period, new Date(at));
    return { key: p.key, start: p.start.toISOString(), end: p.end.toISOString() };
  };

  it('a Wednesday belongs to the ISO week from Monday 00:00 UTC to the next Monday', () => {
    expect(window('WEEK', '2026-11-25T10:00:00Z')).toEqual({ key: '2026-W48', start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' });
  });

  it('Monday 00:00 UTC starts a new week; Sunday 23:59 UTC still belongs to the old one', () => {
    expect(window('WEEK', '2026-11-30T00:00:00Z').key).toBe('2026-W49');
    expect(window('WEEK', '2026-11-29T23:59:59.999Z').key).toBe('2026-W48');
  });

  it('a Sunday belongs to the week that began the Monday before', () => {
    expect(window('WEEK', '2026-11-29T12:00:00Z').start).toBe('2026-11-23T00:00:00.000Z');
  });

  it.each([
    ['2027-01-01T12:00:00Z', '2026-W53', '2026-12-28T00:00:00.000Z'], // Friday: the ISO year of its Thursday
    ['2026-01-01T12:00:00Z', '2026-W01', '2025-12-29T00:00:00.000Z'], // Thursday: week 1 starts in December
    ['2024-12-30T08:00:00Z', '2025-W01', '2024-12-30T00:00:00.000Z'],
    ['2021-01-03T08:00:00Z', '2020-W53', '2020-12-28T00:00:00.000Z'],
  ])('around New Year, %s is in ISO week %s starting %s', (at, key, start) => {
    expect(window('WEEK', at)).toMatchObject({ key, start });
  });

  it('a month runs from the 1st 00:00 UTC to the next 1st', () => {
    expect(window('MONTH', '2026-11-25T10:00:00Z')).toEqual({ key: '2026-11', start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' });
    expect(window('MONTH', '2026-12-31T23:59:59Z')).toEqual({ key: '2026-12', start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(window('MONTH', '2028-02-29T12:00:00Z').end).toBe('2028-03-01T00:00:00.000Z');
  });

  it('week and month keys never collide, so a period change starts a fresh ledger', () => {
    expect(periodFor('WEEK', now).key).not.toBe(periodFor('MONTH', now).key);
  });

  it('refuses an invalid instant', () => {
    expect(() => periodFor('WEEK', new Date(Number.NaN))).toThrow(RangeError);
  });
});
