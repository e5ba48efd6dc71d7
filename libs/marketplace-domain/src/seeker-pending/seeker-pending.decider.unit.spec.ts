import type { SeekerPendingEvent } from '@payforward/contracts';
import { fold, spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents, uuid } from '../shared/spec.fixtures.js';
import { seekerPendingDecider, type SeekerPendingCommand } from './seeker-pending.decider.js';
import { PENDING_LIMITS } from './seeker-pending.state.js';

const seekerId = uuid(30);
const mentor = (n: number) => uuid(40 + n);
const request = (n: number) => uuid(200 + n);
const now = new Date('2026-11-25T10:00:00.000Z');
const at = now.toISOString();

const take = (r: number, m: number): SeekerPendingCommand => ({ type: 'TakePendingSlot', data: { seekerId, requestId: request(r), mentorId: mentor(m), now } });
const free = (r: number): SeekerPendingCommand => ({ type: 'FreePendingSlot', data: { seekerId, requestId: request(r), now } });
const taken = (r: number, m: number, pending: number): SeekerPendingEvent => ({
  type: 'PendingSlotTaken',
  data: { seekerId, requestId: request(r), mentorId: mentor(m), pending, takenAt: at },
});
const freed = (r: number, m: number, pending: number): SeekerPendingEvent => ({
  type: 'PendingSlotFreed',
  data: { seekerId, requestId: request(r), mentorId: mentor(m), pending, freedAt: at },
});

describe('seeker pending decider: TakePendingSlot', () => {
  it('given nothing pending, when a request is submitted, then PendingSlotTaken', () => {
    const events = spec(seekerPendingDecider).given([]).when(take(1, 1)).events();
    expect(events).toEqual([taken(1, 1, 1)]);
    expectValidEvents(events);
  });

  it('given 2 pending with other mentors, when a third is submitted, then it is taken', () => {
    expect(spec(seekerPendingDecider).given([taken(1, 1, 1), taken(2, 2, 2)]).when(take(3, 3)).events()).toEqual([taken(3, 3, 3)]);
  });

  it('given 3 pending, when a fourth is submitted, then LIMIT_REACHED on input.offerId naming the limit of 3', () => {
    const error = spec(seekerPendingDecider).given([taken(1, 1, 1), taken(2, 2, 2), taken(3, 3, 3)]).when(take(4, 4)).error();
    expectRefusal(error, 'LIMIT_REACHED', 'input.offerId', /3 pending requests/);
  });

  it('given one pending with a mentor, when another is submitted to the same mentor, then LIMIT_REACHED naming the per-mentor limit', () => {
    const error = spec(seekerPendingDecider).given([taken(1, 1, 1)]).when(take(2, 1)).error();
    expectRefusal(error, 'LIMIT_REACHED', 'input.offerId', /pending request with this mentor \(1 at a time per mentor\)/);
  });

  it('given the request already holds a slot, when taken again (a retried submit), then nothing is recorded', () => {
    expect(spec(seekerPendingDecider).given([taken(1, 1, 1), taken(2, 2, 2), taken(3, 3, 3)]).when(take(2, 2)).events()).toEqual([]);
  });

  it('given a freed slot, when submitting again, then there is room, also with the same mentor', () => {
    const given = [taken(1, 1, 1), taken(2, 2, 2), taken(3, 3, 3), freed(1, 1, 2)];
    expect(spec(seekerPendingDecider).given(given).when(take(4, 1)).events()).toEqual([taken(4, 1, 3)]);
  });

  it('given 10 submits racing in one stream, when decided in append order, then exactly 3 are pending', () => {
    let events: SeekerPendingEvent[] = [];
    for (let n = 0; n < 10; n++) {
      try {
        events = [...events, ...seekerPendingDecider.decide(take(n, n), fold(seekerPendingDecider, events))];
      } catch {
        // LIMIT_REACHED
      }
    }
    expect(fold(seekerPendingDecider, events).pending).toHaveLength(PENDING_LIMITS.total);
  });
});

describe('seeker pending decider: FreePendingSlot', () => {
  it('given a pending request, when it leaves SUBMITTED, then PendingSlotFreed names its mentor', () => {
    const events = spec(seekerPendingDecider).given([taken(1, 1, 1), taken(2, 2, 2)]).when(free(1)).events();
    expect(events).toEqual([freed(1, 1, 1)]);
    expectValidEvents(events);
  });

  it('given the slot was already freed, when freed again (redelivery), then nothing is recorded', () => {
    expect(spec(seekerPendingDecider).given([taken(1, 1, 1), freed(1, 1, 0)]).when(free(1)).events()).toEqual([]);
    expect(spec(seekerPendingDecider).given([]).when(free(9)).events()).toEqual([]);
  });
});
