import type { HelpRequestEvent } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents } from '../shared/spec.fixtures.js';
import { ADVICE_CALL_FIRST } from './guidance.js';
import { offerDecider } from '../offer/offer.decider.js';
import { offerSnapshotOf } from './submit-help-request.js';
import { at, cmd, GOAL, history, ids, MESSAGE, offer, PERIOD, SLOT, T0, mentorId, seekerId, stranger, targetId } from './help-request.spec.fixtures.js';
import { helpRequestDecider } from './help-request.decider.js';

const decider = helpRequestDecider;
const SEVEN_DAYS = 7 * 86_400_000;

describe('help request: SubmitHelpRequest', () => {
  it('given a résumé review offer, when a seeker submits, then HelpRequestSubmitted with every id, the expiry and no slot', () => {
    const events = spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { message: `  ${MESSAGE}  `, goal: ` ${GOAL} ` })).events();
    expect(events).toEqual<HelpRequestEvent[]>([
      {
        type: 'HelpRequestSubmitted',
        data: {
          ...ids('RESUME_REVIEW'),
          message: MESSAGE,
          goal: GOAL,
          introTargetId: null,
          durationMinutes: null,
          referral: null,
          submittedAt: at(T0),
          expiresAt: at(new Date(T0.getTime() + SEVEN_DAYS)),
        },
      },
    ]);
    expectValidEvents(events);
  });

  it('given an advice call offer, when submitted, then the call length is recorded', () => {
    const [event] = spec(decider).given([]).when(cmd.submit('ADVICE_CALL')).events();
    expect(event!.data).toMatchObject({ kind: 'ADVICE_CALL', durationMinutes: 60 });
  });

  it('given the seeker is the offer’s mentor, when submitting, then BAD_USER_INPUT on input.offerId (self-requests are impossible input)', () => {
    expectRefusal(spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { seekerId: mentorId })).error(), 'BAD_USER_INPUT', 'input.offerId', /your own offer/);
  });

  it('given the mentor blocked the seeker, when submitting, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { seekerBlocked: true })).error(), 'FORBIDDEN', 'input.offerId');
  });

  it.each(['PAUSED', 'RETIRED'] as const)('given a %s offer, when submitting, then CONFLICT (only active offers take requests)', (status) => {
    const error = spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { offer: offer('RESUME_REVIEW', { status }) })).error();
    expectRefusal(error, 'CONFLICT', 'input.offerId', new RegExp(status.toLowerCase()));
  });

  it.each([
    ['a 49-character message', { message: 'x'.repeat(49) }, 'input.message'],
    ['a message of spaces', { message: ' '.repeat(80) }, 'input.message'],
    ['a 2001-character message', { message: 'x'.repeat(2001) }, 'input.message'],
    ['a missing message', { message: undefined as unknown as string }, 'input.message'],
    ['a 9-character goal', { goal: 'x'.repeat(9) }, 'input.goal'],
    ['a 301-character goal', { goal: 'x'.repeat(301) }, 'input.goal'],
  ])('given %s, when submitting, then BAD_USER_INPUT on %s', (_, data, field) => {
    expectRefusal(spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', data)).error(), 'BAD_USER_INPUT', field);
  });

  it('given a message and goal exactly at their bounds, when submitting, then it is accepted', () => {
    expect(spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { message: 'x'.repeat(50), goal: 'x'.repeat(300) })).events()).toHaveLength(1);
    expect(spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { message: 'x'.repeat(2000), goal: 'x'.repeat(10) })).events()).toHaveLength(1);
  });

  it('given the request exists, when submitted again, then CONFLICT', () => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.submit()).error(), 'CONFLICT');
  });

  describe('INTRO', () => {
    it('given a target member, when submitting, then the target is recorded', () => {
      const events = spec(decider).given([]).when(cmd.submit('INTRO')).events();
      expect(events[0]!.data).toMatchObject({ kind: 'INTRO', introTargetId: targetId });
      expectValidEvents(events);
    });

    it.each([
      ['no target', { introTargetId: null }, /Name the member/],
      ['the seeker as target', { introTargetId: seekerId }, /yourself/],
      ['the mentor as target', { introTargetId: mentorId }, /already talking to this mentor/],
      ['a target that does not exist', { introTargetExists: false }, /no member/],
    ])('given %s, when submitting, then BAD_USER_INPUT on input.introTargetId', (_, data, message) => {
      expectRefusal(spec(decider).given([]).when(cmd.submit('INTRO', data)).error(), 'BAD_USER_INPUT', 'input.introTargetId', message);
    });

    it('given a target on a non-intro offer, when submitting, then the target is ignored', () => {
      const [event] = spec(decider).given([]).when(cmd.submit('RESUME_REVIEW', { introTargetId: targetId })).events();
      expect(event!.data).toMatchObject({ introTargetId: null });
    });
  });

  describe('REFERRAL (DESIGN §2.4)', () => {
    const evidence = (completed: number, worked = false) => ({ completedEngagementsWithGoodRating: completed, workedTogetherConfirmed: worked });

    it('given a completed engagement rated ≥ 4, when submitting, then the request records the requirement and the evidence', () => {
      const events = spec(decider).given([]).when(cmd.submit('REFERRAL')).events();
      expect(events[0]!.data).toMatchObject({ referral: { minCompletedEngagements: 1, workedTogetherOnly: false, evidence: evidence(1) } });
      expectValidEvents(events);
    });

    it('given a confirmed worked-together attestation, when submitting, then it is accepted', () => {
      expect(spec(decider).given([]).when(cmd.submit('REFERRAL', { relationship: evidence(0, true) })).events()).toHaveLength(1);
    });

    it.each([
      ['no relationship', { relationship: evidence(0) }],
      ['no evidence passed at all', { relationship: null }],
      ['one engagement when the mentor requires two', { relationship: evidence(1), offer: offer('REFERRAL', { minCompletedEngagements: 2 }) }],
      ['engagements when the mentor accepts only worked-together', { relationship: evidence(3), offer: offer('REFERRAL', { workedTogetherOnly: true }) }],
      ['a snapshot that claims a requirement of 0', { relationship: evidence(0), offer: offer('REFERRAL', { minCompletedEngagements: 0 }) }],
    ])('given %s, when submitting, then RELATIONSHIP_REQUIRED with the next step', (_, data) => {
      const error = spec(decider).given([]).when(cmd.submit('REFERRAL', data)).error();
      expectRefusal(error, 'RELATIONSHIP_REQUIRED', 'input.offerId', new RegExp(ADVICE_CALL_FIRST));
    });

    it('given a stricter requirement not met, then the refusal names the requirement and what the seeker has', () => {
      const error = spec(decider).given([]).when(cmd.submit('REFERRAL', { relationship: evidence(1), offer: offer('REFERRAL', { minCompletedEngagements: 3 }) })).error();
      expectRefusal(error, 'RELATIONSHIP_REQUIRED', 'input.offerId', /after 3 completed engagements .* you have 1/);
    });
  });
});

describe('help request: AcceptHelpRequest', () => {
  it('given a pending résumé review, when the mentor accepts, then HelpRequestAccepted without a slot, with the capacity period', () => {
    const events = spec(decider).given(history(cmd.submit())).when(cmd.accept()).events();
    expect(events).toEqual([
      { type: 'HelpRequestAccepted', data: { ...ids('RESUME_REVIEW'), scheduledAt: null, durationMinutes: null, capacityPeriodKey: PERIOD, acceptedAt: at(T0) } },
    ]);
    expectValidEvents(events);
  });

  it('given a pending advice call, when accepted into an available slot, then the slot and duration are recorded', () => {
    const events = spec(decider).given(history(cmd.submit('ADVICE_CALL'))).when(cmd.accept()).events();
    expect(events[0]!.data).toMatchObject({ scheduledAt: at(SLOT), durationMinutes: 60 });
  });

  it.each([
    ['no time', { scheduledAt: null }, 'BAD_USER_INPUT', /Pick a time/],
    ['an invalid time', { scheduledAt: new Date('not a date') }, 'BAD_USER_INPUT', /not a valid time/],
    ['a time in the past', { scheduledAt: new Date(T0.getTime() - 60_000) }, 'BAD_USER_INPUT', /future/],
    ['a time outside availability', { slot: { insideAvailability: false, overlapsAcceptedSession: false } }, 'BAD_USER_INPUT', /outside your availability/],
    ['a slot the handler did not check', { slot: null }, 'BAD_USER_INPUT', /outside your availability/],
    ['a time overlapping another session', { slot: { insideAvailability: true, overlapsAcceptedSession: true } }, 'CONFLICT', /overlaps/],
  ] as const)('given a mock interview and %s, when accepting, then %s on scheduledAt', (_, data, code, message) => {
    const error = spec(decider).given(history(cmd.submit('MOCK_INTERVIEW'))).when(cmd.accept(data)).error();
    expectRefusal(error, code, 'scheduledAt', message);
  });

  it('given a non-scheduled kind, when accepted with a time, then the time is ignored', () => {
    const [event] = spec(decider).given(history(cmd.submit('INTRO'))).when(cmd.accept({ scheduledAt: SLOT, slot: null })).events();
    expect(event!.data).toMatchObject({ scheduledAt: null });
  });

  it.each([
    ['the seeker', seekerId],
    ['a stranger', stranger],
  ])('given %s, when accepting, then FORBIDDEN on id', (_, actorId) => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.accept({ actorId })).error(), 'FORBIDDEN', 'id');
  });

  it('given no request, when accepting, then NOT_FOUND on id', () => {
    expectRefusal(spec(decider).given([]).when(cmd.accept()).error(), 'NOT_FOUND', 'id');
  });

  it('given an accepted request, when accepted again, then CONFLICT', () => {
    expectRefusal(spec(decider).given(history(cmd.submit(), cmd.accept())).when(cmd.accept()).error(), 'CONFLICT', 'id');
  });
});

describe('offerSnapshotOf', () => {
  it('builds the submit snapshot from a folded offer, and null for a missing one', () => {
    const state = offerDecider.evolve(offerDecider.initialState(), {
      type: 'OfferPublished',
      data: {
        offerId: offer('REFERRAL').offerId,
        mentorId,
        kind: 'REFERRAL',
        title: 'Referrals at Acme',
        description: 'I refer people whose work I know well.',
        topics: ['acme'],
        capacity: 2,
        period: 'MONTH',
        durationMinutes: null,
        minCompletedEngagements: 2,
        workedTogetherOnly: false,
        publishedAt: at(T0),
      },
    });
    expect(offerSnapshotOf(state)).toEqual(offer('REFERRAL', { minCompletedEngagements: 2 }));
    expect(offerSnapshotOf(offerDecider.initialState())).toBeNull();
  });
});
