import { DomainError, EVENT_CATALOG, TERMINAL_REQUEST_STATUSES, type DomainEvent, type HelpKind, type Party, type RequestStatus } from '@payforward/contracts';
import { fold, type Decider } from '@payforward/ddd';
import fc from 'fast-check';
import { capacityLedgerDecider } from '../capacity/capacity.decider.js';
import { periodFor } from '../capacity/capacity.period.js';
import { relationshipEvidenceFrom } from '../relationship/relationship.rules.js';
import { seekerPendingDecider } from '../seeker-pending/seeker-pending.decider.js';
import { PENDING_LIMITS } from '../seeker-pending/seeker-pending.state.js';
import { uuid } from '../shared/spec.fixtures.js';
import { capacityToRelease, helpRequestDecider, pendingSlotToFree, type HelpRequestCommand } from './help-request.decider.js';
import type { OfferSnapshot } from './submit-help-request.js';
import type { HelpRequestState } from './help-request.state.js';

/**
 * Property: any sequence of commands, run through the three deciders the way the command
 * handlers wire them (take a pending slot, then submit; reserve capacity, then accept; free
 * the slot when a request leaves SUBMITTED; release capacity when an intro's target declines),
 * keeps the marketplace's invariants.
 */

const mentors = [uuid(1), uuid(2), uuid(3), uuid(4)] as const;
const seekers = [uuid(11), uuid(12), uuid(13)] as const;
const introTarget = uuid(21);
type ModelOffer = OfferSnapshot & { capacity: number; period: 'WEEK' | 'MONTH' };
const offer = (n: number, mentorId: string, kind: HelpKind, capacity: number, period: 'WEEK' | 'MONTH'): ModelOffer => ({
  offerId: uuid(100 + n),
  mentorId,
  kind,
  status: 'ACTIVE',
  durationMinutes: kind === 'ADVICE_CALL' || kind === 'MOCK_INTERVIEW' ? 60 : null,
  minCompletedEngagements: kind === 'REFERRAL' ? 1 : null,
  workedTogetherOnly: false,
  capacity,
  period,
});
const offers = [
  offer(0, mentors[0], 'RESUME_REVIEW', 2, 'WEEK'),
  offer(1, mentors[0], 'ADVICE_CALL', 1, 'WEEK'),
  offer(2, mentors[1], 'REFERRAL', 2, 'MONTH'),
  offer(3, mentors[2], 'INTRO', 1, 'WEEK'),
  offer(4, mentors[3], 'MOCK_INTERVIEW', 1, 'WEEK'),
];
const REQUESTS = 12;
const requestIdOf = (r: number) => uuid(1000 + r);

type Step =
  | { op: 'submit'; r: number }
  | { op: 'accept'; r: number; byMentor: boolean; slotOk: boolean; overlap: boolean }
  | { op: 'decline'; r: number; reason: 'NO_CAPACITY' | 'NOT_A_FIT' | 'DONT_KNOW_YOU_WELL_ENOUGH' | 'OTHER' }
  | { op: 'withdraw'; r: number; bySeeker: boolean }
  | { op: 'expire'; r: number }
  | { op: 'complete'; r: number }
  | { op: 'noShow'; r: number; by: Party; absent: Party }
  | { op: 'feedback'; r: number; by: Party; rating: number }
  | { op: 'vouch'; r: number }
  | { op: 'outcome'; r: number; outcome: 'INTERVIEWED' | 'HIRED' | 'NOT_SELECTED' }
  | { op: 'respond'; r: number; consent: boolean }
  | { op: 'tick'; hours: number };

const r = fc.integer({ min: 0, max: REQUESTS - 1 });
const party = fc.constantFrom<Party>('SEEKER', 'MENTOR');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('submit' as const), r }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('accept' as const), r, byMentor: fc.boolean(), slotOk: fc.boolean(), overlap: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('decline' as const), r, reason: fc.constantFrom('NO_CAPACITY', 'NOT_A_FIT', 'DONT_KNOW_YOU_WELL_ENOUGH', 'OTHER') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdraw' as const), r, bySeeker: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const), r }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('complete' as const), r }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('noShow' as const), r, by: party, absent: party }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('feedback' as const), r, by: party, rating: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('vouch' as const), r }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('outcome' as const), r, outcome: fc.constantFrom('INTERVIEWED', 'HIRED', 'NOT_SELECTED') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('respond' as const), r, consent: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 72 }) }) },
);
const scenarioArb = fc.record({
  /** Which seeker asks which offer, per request slot. */
  requests: fc.array(fc.record({ seeker: fc.integer({ min: 0, max: 2 }), offer: fc.integer({ min: 0, max: offers.length - 1 }) }), { minLength: REQUESTS, maxLength: REQUESTS }),
  // size 'max': without it fast-check keeps arrays short and the lifecycle is barely walked.
  steps: fc.array(stepArb, { minLength: 1, maxLength: 150, size: 'max' }),
});

/** Plain checks (jest's expect is too slow to call thousands of times per run). */
function invariant(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(`invariant broken: ${message()}`);
}
const sameSet = (a: Iterable<string>, b: Iterable<string>) => [...a].sort().join() === [...b].sort().join();

/** Statuses and refusals seen across all runs, to prove the property explored the lifecycle. */
const seen = new Set<string>();

/** The event store of the model: streams of events, appended only after every decision passed. */
class Model {
  readonly streams = new Map<string, DomainEvent[]>();
  now = new Date('2026-11-23T09:00:00.000Z');

  load<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string): S {
    return fold(decider, (this.streams.get(stream) ?? []) as E[]);
  }
  decide<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string, command: C): E[] {
    return decider.decide(command, this.load(decider, stream));
  }
  append(stream: string, events: DomainEvent[]): void {
    for (const event of events) {
      const check = EVENT_CATALOG[event.type]?.schema.safeParse(event.data);
      invariant(check?.success === true, () => `${event.type} breaks its contract: ${JSON.stringify(check?.error?.issues)}`);
    }
    this.streams.set(stream, [...(this.streams.get(stream) ?? []), ...events]);
  }
  request(n: number): HelpRequestState {
    return this.load(helpRequestDecider, `help-request-${requestIdOf(n)}`);
  }
  helpRequestEvents() {
    return [...this.streams.entries()].filter(([id]) => id.startsWith('help-request-')).flatMap(([, events]) => events) as Parameters<
      typeof relationshipEvidenceFrom
    >[0] extends Iterable<infer E> ? E[] : never;
  }
}

function run(model: Model, scenario: { requests: { seeker: number; offer: number }[] }, step: Step): void {
  if (step.op === 'tick') {
    model.now = new Date(model.now.getTime() + step.hours * 3_600_000);
    return;
  }
  const assignment = scenario.requests[step.r]!;
  const theOffer = offers[assignment.offer]!;
  const seekerId = seekers[assignment.seeker]!;
  const requestId = requestIdOf(step.r);
  const stream = `help-request-${requestId}`;
  const now = model.now;
  const actor = (p: Party) => (p === 'MENTOR' ? theOffer.mentorId : seekerId);

  /** Appends a help-request decision and performs its follow-ups on the other streams. */
  const handle = (command: HelpRequestCommand) => {
    const events = model.decide(helpRequestDecider, stream, command);
    model.append(stream, events);
    for (const event of events) {
      const toFree = pendingSlotToFree(event);
      if (toFree) model.append(`seeker-pending-${toFree.seekerId}`, model.decide(seekerPendingDecider, `seeker-pending-${toFree.seekerId}`, { type: 'FreePendingSlot', data: { ...toFree, now } }));
      const toRelease = capacityToRelease(event);
      if (toRelease) {
        const ledger = `capacity-${toRelease.offerId}-${toRelease.periodKey}`;
        model.append(ledger, model.decide(capacityLedgerDecider, ledger, { type: 'ReleaseCapacity', data: { ...toRelease, now } }));
      }
    }
  };

  switch (step.op) {
    case 'submit': {
      // Seeker 0 worked with mentor 1 (confirmed), so some referrals are grounded from the start.
      const evidence = relationshipEvidenceFrom(model.helpRequestEvents(), theOffer.mentorId, seekerId);
      const relationship = { ...evidence, workedTogetherConfirmed: seekerId === seekers[0] && theOffer.mentorId === mentors[1] };
      const submitted = model.decide(helpRequestDecider, stream, {
        type: 'SubmitHelpRequest',
        data: { requestId, seekerId, offer: theOffer, message: 'm'.repeat(60), goal: 'A clear goal', introTargetId: introTarget, introTargetExists: true, seekerBlocked: false, relationship, now },
      });
      const pendingStream = `seeker-pending-${seekerId}`;
      const taken = model.decide(seekerPendingDecider, pendingStream, { type: 'TakePendingSlot', data: { seekerId, requestId, mentorId: theOffer.mentorId, now } });
      model.append(pendingStream, taken);
      model.append(stream, submitted);
      return;
    }
    case 'accept': {
      const period = periodFor(theOffer.period, now);
      const command: HelpRequestCommand = {
        type: 'AcceptHelpRequest',
        data: {
          requestId,
          actorId: step.byMentor ? theOffer.mentorId : seekerId,
          scheduledAt: new Date(now.getTime() + 86_400_000),
          slot: { insideAvailability: step.slotOk, overlapsAcceptedSession: step.overlap },
          capacityPeriodKey: period.key,
          now,
        },
      };
      // Decide first, so a refused accept never touches the ledger; then reserve; then record.
      model.decide(helpRequestDecider, stream, command);
      const ledger = `capacity-${theOffer.offerId}-${period.key}`;
      model.append(ledger, model.decide(capacityLedgerDecider, ledger, { type: 'ReserveCapacity', data: { offerId: theOffer.offerId, periodKey: period.key, requestId, capacity: theOffer.capacity, period: theOffer.period, now } }));
      handle(command);
      return;
    }
    case 'decline':
      return handle({ type: 'DeclineHelpRequest', data: { requestId, actorId: theOffer.mentorId, reason: step.reason, now } });
    case 'withdraw':
      return handle({ type: 'WithdrawHelpRequest', data: { requestId, actorId: step.bySeeker ? seekerId : theOffer.mentorId, now } });
    case 'expire':
      return handle({ type: 'ExpireHelpRequest', data: { requestId, now } });
    case 'complete':
      return handle({ type: 'CompleteHelpRequest', data: { requestId, actorId: theOffer.mentorId, now } });
    case 'noShow':
      return handle({ type: 'ReportNoShow', data: { requestId, actorId: actor(step.by), absent: step.absent, now } });
    case 'feedback':
      return handle({ type: 'LeaveFeedback', data: { requestId, actorId: actor(step.by), rating: step.rating, now } });
    case 'vouch':
      return handle({ type: 'Vouch', data: { requestId, actorId: theOffer.mentorId, statement: 'I can speak to their careful, reliable work.', now } });
    case 'outcome':
      return handle({ type: 'ReportReferralOutcome', data: { requestId, actorId: seekerId, outcome: step.outcome, now } });
    case 'respond':
      return handle({ type: 'RespondToIntro', data: { requestId, actorId: introTarget, consent: step.consent, now } });
  }
}

function checkInvariants(model: Model, scenario: { requests: { seeker: number; offer: number }[] }, previous: Map<number, RequestStatus>): void {
  const events = model.helpRequestEvents();
  // Never more accepted than capacity in an offer's period — and the ledger agrees with the requests.
  const held = new Map<string, Set<string>>();
  for (const event of events) {
    if (event.type === 'HelpRequestAccepted') {
      const key = `capacity-${event.data.offerId}-${event.data.capacityPeriodKey}`;
      held.set(key, (held.get(key) ?? new Set()).add(event.data.requestId));
    }
    if (event.type === 'IntroDeclined') held.get(`capacity-${event.data.offerId}-${event.data.capacityPeriodKey}`)?.delete(event.data.requestId);
  }
  for (const [ledger, requestIds] of held) {
    const theOffer = offers.find((o) => ledger.startsWith(`capacity-${o.offerId}-`))!;
    invariant(requestIds.size <= theOffer.capacity, () => `${requestIds.size} accepted in ${ledger} with capacity ${theOffer.capacity}`);
    invariant(sameSet(model.load(capacityLedgerDecider, ledger).reserved, requestIds), () => `ledger ${ledger} disagrees with the requests`);
    if (requestIds.size === theOffer.capacity) seen.add('capacity full');
  }

  // Never more than 3 pending per seeker, nor 2 pending with one mentor — and the pending stream agrees.
  const statuses = new Map<number, RequestStatus>();
  for (let n = 0; n < REQUESTS; n++) {
    const state = model.request(n);
    if (state.status !== 'NONE') statuses.set(n, state.status);
  }
  seekers.forEach((seekerId, s) => {
    const pending = [...statuses].filter(([n, status]) => status === 'SUBMITTED' && scenario.requests[n]!.seeker === s).map(([n]) => n);
    invariant(pending.length <= PENDING_LIMITS.total, () => `seeker ${s} has ${pending.length} pending`);
    for (const mentorId of mentors) {
      const withMentor = pending.filter((n) => offers[scenario.requests[n]!.offer]!.mentorId === mentorId).length;
      invariant(withMentor <= PENDING_LIMITS.perMentor, () => `seeker ${s} has ${withMentor} pending with one mentor`);
    }
    const slots = model.load(seekerPendingDecider, `seeker-pending-${seekerId}`).pending.map((p) => p.requestId);
    invariant(sameSet(slots, pending.map(requestIdOf)), () => `pending stream of seeker ${s} disagrees with the requests`);
    if (pending.length === PENDING_LIMITS.total) seen.add('3 pending');
  });

  // No transition out of a terminal state.
  for (const [n, status] of statuses) {
    const before = previous.get(n);
    invariant(!before || !TERMINAL_REQUEST_STATUSES.includes(before) || status === before, () => `request ${n} left ${before} for ${status}`);
    previous.set(n, status);
    seen.add(status);
  }

  // Feedback at most once per side.
  const feedback = events.filter((e) => e.type === 'FeedbackLeft').map((e) => `${e.data.requestId}/${e.data.side}`);
  invariant(new Set(feedback).size === feedback.length, () => `feedback twice by one side: ${feedback.join()}`);
  if (feedback.length > 0) seen.add('feedback');
}

describe('help-request lifecycle (property)', () => {
  it('any command sequence keeps capacity, pending limits, terminal states and once-per-side feedback', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const model = new Model();
        const previous = new Map<number, RequestStatus>();
        for (const step of scenario.steps) {
          try {
            run(model, scenario, step);
          } catch (error) {
            // Refusals are the rules working; anything else is a bug.
            if (!(error instanceof DomainError)) throw error;
            seen.add(error.code);
          }
          checkInvariants(model, scenario, previous);
        }
      }),
      { numRuns: 500 },
    );
    // The runs really walked the lifecycle and hit every boundary.
    for (const expected of ['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'COMPLETED', 'NO_SHOW', 'CAPACITY_EXHAUSTED', 'LIMIT_REACHED', 'CONFLICT', 'FORBIDDEN', 'capacity full', '3 pending', 'feedback']) {
      expect(seen).toContain(expected);
    }
  });
});
