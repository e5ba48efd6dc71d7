import type { HelpRequestEvent } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents } from '../shared/spec.fixtures.js';
import { INTRO_DECLINED_GUIDANCE } from './guidance.js';
import { capacityToRelease, helpRequestDecider, pendingSlotToFree } from './help-request.decider.js';
import { AFTER_SLOT, at, cmd, history, ids, PERIOD, SLOT, T0, mentorId, seekerId, stranger, targetId } from './help-request.spec.fixtures.js';

const decider = helpRequestDecider;
const state = (events: HelpRequestEvent[]) => events.reduce(decider.evolve, decider.initialState());
const DURING_SLOT = new Date(SLOT.getTime() + 30 * 60_000);

const acceptedCall = () => history(cmd.submit('ADVICE_CALL'), cmd.accept());
const acceptedReview = () => history(cmd.submit('RESUME_REVIEW'), cmd.accept());
const completedReview = () => history(cmd.submit('RESUME_REVIEW'), cmd.accept(), cmd.complete());
const acceptedReferral = () => history(cmd.submit('REFERRAL'), cmd.accept());
const vouchedReferral = () => history(cmd.submit('REFERRAL'), cmd.accept(), cmd.vouch());
const acceptedIntro = () => history(cmd.submit('INTRO'), cmd.accept());

describe('help request: CompleteHelpRequest', () => {
  it('given an accepted call after its start, when the mentor completes it, then HelpRequestCompleted carries kind, parties, offer and time', () => {
    const events = spec(decider).given(acceptedCall()).when(cmd.complete({ now: SLOT })).events();
    expect(events).toEqual([{ type: 'HelpRequestCompleted', data: { ...ids('ADVICE_CALL'), scheduledAt: at(SLOT), completedAt: at(SLOT) } }]);
    expectValidEvents(events);
  });

  it('given an accepted call before its start, when completing, then CONFLICT', () => {
    expectRefusal(spec(decider).given(acceptedCall()).when(cmd.complete({ now: new Date(SLOT.getTime() - 1) })).error(), 'CONFLICT', 'id', /not started/);
  });

  it('given an accepted résumé review, when completed at any time, then HelpRequestCompleted', () => {
    expect(spec(decider).given(acceptedReview()).when(cmd.complete({ now: T0 })).events()[0]!.type).toBe('HelpRequestCompleted');
  });

  it('given the seeker, when completing, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given(acceptedReview()).when(cmd.complete({ actorId: seekerId })).error(), 'FORBIDDEN', 'id');
  });

  it('given a pending request, when completing, then CONFLICT (only accepted requests complete)', () => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.complete()).error(), 'CONFLICT', 'id', /pending/);
  });

  it('given an intro whose target has not consented, when completing, then CONFLICT; after consent it completes', () => {
    expectRefusal(spec(decider).given(acceptedIntro()).when(cmd.complete()).error(), 'CONFLICT', 'id', /consented/);
    expect(spec(decider).given(history(cmd.submit('INTRO'), cmd.accept(), cmd.respond())).when(cmd.complete()).events()).toHaveLength(1);
  });

  it('given a referral not vouched for, when completing, then CONFLICT; after the vouch it completes', () => {
    expectRefusal(spec(decider).given(acceptedReferral()).when(cmd.complete()).error(), 'CONFLICT', 'id', /Vouch/);
    expect(spec(decider).given(vouchedReferral()).when(cmd.complete()).events()).toHaveLength(1);
  });
});

describe('help request: ReportNoShow', () => {
  it('given an accepted call that is over, when the seeker reports the mentor absent, then NoShowReported names the absent party', () => {
    const events = spec(decider).given(acceptedCall()).when(cmd.noShow()).events();
    expect(events).toEqual([
      { type: 'NoShowReported', data: { ...ids('ADVICE_CALL'), absent: 'MENTOR', reportedBy: 'SEEKER', scheduledAt: at(SLOT), reportedAt: at(AFTER_SLOT) } },
    ]);
    expectValidEvents(events);
    expect(state([...acceptedCall(), ...events])).toMatchObject({ status: 'NO_SHOW', absent: 'MENTOR' });
  });

  it('given an accepted call that is over, when the mentor reports the seeker absent, then NoShowReported', () => {
    const [event] = spec(decider).given(acceptedCall()).when(cmd.noShow({ actorId: mentorId, absent: 'SEEKER' })).events();
    expect(event!.data).toMatchObject({ absent: 'SEEKER', reportedBy: 'MENTOR' });
  });

  it('given a call still running, when reporting a no-show, then CONFLICT (someone late is not absent)', () => {
    expectRefusal(spec(decider).given(acceptedCall()).when(cmd.noShow({ now: DURING_SLOT })).error(), 'CONFLICT', 'id', /over/);
  });

  it('given an accepted résumé review, when reporting a no-show, then it needs no slot to be over', () => {
    expect(spec(decider).given(acceptedReview()).when(cmd.noShow({ now: T0 })).events()).toHaveLength(1);
  });

  it('given a stranger, when reporting a no-show, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given(acceptedCall()).when(cmd.noShow({ actorId: stranger })).error(), 'FORBIDDEN', 'id');
  });

  it('given an unknown party, when reporting a no-show, then BAD_USER_INPUT on absent', () => {
    expectRefusal(spec(decider).given(acceptedCall()).when(cmd.noShow({ absent: 'BOTH' as never })).error(), 'BAD_USER_INPUT', 'absent');
  });

  it('given a pending request, when reporting a no-show, then CONFLICT', () => {
    expectRefusal(spec(decider).given(history(cmd.submit('ADVICE_CALL'))).when(cmd.noShow()).error(), 'CONFLICT', 'id');
  });
});

describe('help request: LeaveFeedback', () => {
  it('given a completed request, when the seeker rates it, then FeedbackLeft carries side, rating, ids and kind', () => {
    const events = spec(decider).given(completedReview()).when(cmd.feedback()).events();
    expect(events).toEqual([
      { type: 'FeedbackLeft', data: { ...ids('RESUME_REVIEW'), side: 'SEEKER', rating: 5, note: 'Thank you, that was exactly what I needed.', leftAt: at(AFTER_SLOT) } },
    ]);
    expectValidEvents(events);
  });

  it('given the seeker’s feedback, when the mentor leaves theirs, then it is recorded for the MENTOR side', () => {
    const [event] = spec(decider).given(history(cmd.submit(), cmd.accept(), cmd.complete(), cmd.feedback())).when(cmd.feedback({ actorId: mentorId, rating: 4, note: null })).events();
    expect(event!.data).toMatchObject({ side: 'MENTOR', rating: 4, note: null });
  });

  it.each([
    ['the seeker', seekerId],
    ['the mentor', mentorId],
  ])('given %s already left feedback, when leaving it again, then CONFLICT (once per side)', (_, actorId) => {
    const given = history(cmd.submit(), cmd.accept(), cmd.complete(), cmd.feedback({ actorId }));
    expectRefusal(spec(decider).given(given).when(cmd.feedback({ actorId, rating: 1 })).error(), 'CONFLICT', 'requestId', /already/);
  });

  it.each([0, 6, 4.5, -1])('given rating %s, when leaving feedback, then BAD_USER_INPUT on rating', (rating) => {
    expectRefusal(spec(decider).given(completedReview()).when(cmd.feedback({ rating })).error(), 'BAD_USER_INPUT', 'rating');
  });

  it('given a 1001-character note, when leaving feedback, then BAD_USER_INPUT on note', () => {
    expectRefusal(spec(decider).given(completedReview()).when(cmd.feedback({ note: 'x'.repeat(1001) })).error(), 'BAD_USER_INPUT', 'note');
  });

  it('given a stranger, when leaving feedback, then FORBIDDEN on requestId', () => {
    expectRefusal(spec(decider).given(completedReview()).when(cmd.feedback({ actorId: stranger })).error(), 'FORBIDDEN', 'requestId');
  });

  it.each([
    ['accepted', acceptedReview],
    ['no-show', () => history(cmd.submit(), cmd.accept(), cmd.noShow())],
  ])('given an %s request, when leaving feedback, then CONFLICT (feedback follows completion)', (_, given) => {
    expectRefusal(spec(decider).given(given()).when(cmd.feedback()).error(), 'CONFLICT', 'requestId');
  });

  it('given no request, when leaving feedback, then NOT_FOUND on requestId', () => {
    expectRefusal(spec(decider).given([]).when(cmd.feedback()).error(), 'NOT_FOUND', 'requestId');
  });
});

describe('help request: Vouch', () => {
  it('given an accepted referral, when the mentor vouches, then ReferralVouched carries the statement and the relationship basis', () => {
    const events = spec(decider).given(acceptedReferral()).when(cmd.vouch({ statement: '  I mentored Sam through two backend projects.  ' })).events();
    expect(events).toEqual([
      {
        type: 'ReferralVouched',
        data: {
          ...ids('REFERRAL'),
          statement: 'I mentored Sam through two backend projects.',
          basis: { completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false },
          vouchedAt: at(T0),
        },
      },
    ]);
    expectValidEvents(events);
  });

  it('given a referral grounded in working together, then the basis says so', () => {
    const given = history(cmd.submit('REFERRAL', { relationship: { completedEngagementsWithGoodRating: 0, workedTogetherConfirmed: true } }), cmd.accept());
    expect(spec(decider).given(given).when(cmd.vouch()).events()[0]!.data).toMatchObject({ basis: { workedTogetherConfirmed: true } });
  });

  it.each([
    ['19 characters', 'x'.repeat(19)],
    ['1001 characters', 'x'.repeat(1001)],
  ])('given a statement of %s, when vouching, then BAD_USER_INPUT on statement', (_, statement) => {
    expectRefusal(spec(decider).given(acceptedReferral()).when(cmd.vouch({ statement })).error(), 'BAD_USER_INPUT', 'statement');
  });

  it('given a non-referral request, when vouching, then BAD_USER_INPUT on requestId', () => {
    expectRefusal(spec(decider).given(acceptedReview()).when(cmd.vouch()).error(), 'BAD_USER_INPUT', 'requestId');
  });

  it('given the seeker, when vouching, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given(acceptedReferral()).when(cmd.vouch({ actorId: seekerId })).error(), 'FORBIDDEN', 'requestId');
  });

  it('given a pending referral, when vouching, then CONFLICT (accept first)', () => {
    expectRefusal(spec(decider).given(history(cmd.submit('REFERRAL'))).when(cmd.vouch()).error(), 'CONFLICT', 'requestId');
  });

  it('given a vouched referral, when vouching again, then CONFLICT', () => {
    expectRefusal(spec(decider).given(vouchedReferral()).when(cmd.vouch()).error(), 'CONFLICT', 'requestId');
  });
});

describe('help request: ReportReferralOutcome', () => {
  it('given a vouched referral, when the seeker reports INTERVIEWED, then ReferralOutcomeReported', () => {
    const events = spec(decider).given(vouchedReferral()).when(cmd.outcome()).events();
    expect(events).toEqual([{ type: 'ReferralOutcomeReported', data: { ...ids('REFERRAL'), outcome: 'INTERVIEWED', reportedAt: at(AFTER_SLOT) } }]);
    expectValidEvents(events);
  });

  it('given INTERVIEWED on a completed referral, when HIRED is reported, then it is recorded (outcomes progress)', () => {
    const given = history(cmd.submit('REFERRAL'), cmd.accept(), cmd.vouch(), cmd.complete(), cmd.outcome());
    expect(spec(decider).given(given).when(cmd.outcome({ outcome: 'HIRED' })).events()[0]!.data).toMatchObject({ outcome: 'HIRED' });
  });

  it('given INTERVIEWED, when INTERVIEWED is reported again, then nothing new is recorded', () => {
    expect(spec(decider).given(history(cmd.submit('REFERRAL'), cmd.accept(), cmd.vouch(), cmd.outcome())).when(cmd.outcome()).events()).toEqual([]);
  });

  it.each(['HIRED', 'NOT_SELECTED'] as const)('given a final outcome %s, when another is reported, then CONFLICT', (final) => {
    const given = history(cmd.submit('REFERRAL'), cmd.accept(), cmd.vouch(), cmd.outcome({ outcome: final }));
    expectRefusal(spec(decider).given(given).when(cmd.outcome({ outcome: 'INTERVIEWED' })).error(), 'CONFLICT', 'requestId');
  });

  it('given an accepted referral not yet vouched for, when reporting, then CONFLICT', () => {
    expectRefusal(spec(decider).given(acceptedReferral()).when(cmd.outcome()).error(), 'CONFLICT', 'requestId', /vouched/);
  });

  it('given the mentor, when reporting the outcome, then FORBIDDEN (the seeker reports it)', () => {
    expectRefusal(spec(decider).given(vouchedReferral()).when(cmd.outcome({ actorId: mentorId })).error(), 'FORBIDDEN', 'requestId');
  });

  it('given an unknown outcome, then BAD_USER_INPUT on outcome', () => {
    expectRefusal(spec(decider).given(vouchedReferral()).when(cmd.outcome({ outcome: 'PROMOTED' as never })).error(), 'BAD_USER_INPUT', 'outcome');
  });

  it('given a non-referral, when reporting an outcome, then BAD_USER_INPUT on requestId', () => {
    expectRefusal(spec(decider).given(completedReview()).when(cmd.outcome()).error(), 'BAD_USER_INPUT', 'requestId');
  });
});

describe('help request: RespondToIntro (double opt-in)', () => {
  it('given an accepted intro, when the target consents, then IntroConsented', () => {
    const events = spec(decider).given(acceptedIntro()).when(cmd.respond()).events();
    expect(events).toEqual([{ type: 'IntroConsented', data: { ...ids('INTRO'), introTargetId: targetId, consent: true, respondedAt: at(T0) } }]);
    expectValidEvents(events);
  });

  it('given an accepted intro, when the target declines, then IntroDeclined ends the request kindly and gives the capacity back', () => {
    const events = spec(decider).given(acceptedIntro()).when(cmd.respond({ consent: false })).events();
    expect(events).toEqual([
      {
        type: 'IntroDeclined',
        data: { ...ids('INTRO'), introTargetId: targetId, consent: false, guidance: INTRO_DECLINED_GUIDANCE, capacityPeriodKey: PERIOD, respondedAt: at(T0) },
      },
    ]);
    expectValidEvents(events);
    expect(state([...acceptedIntro(), ...events])).toMatchObject({ status: 'DECLINED', guidance: INTRO_DECLINED_GUIDANCE });
    expect(capacityToRelease(events[0]!)).toEqual({ offerId: ids('INTRO').offerId, periodKey: PERIOD, requestId: ids('INTRO').requestId, reason: 'INTRO_DECLINED' });
  });

  it.each([
    ['the mentor', mentorId],
    ['the seeker', seekerId],
    ['a stranger', stranger],
  ])('given %s, when answering the intro, then FORBIDDEN (only the target answers)', (_, actorId) => {
    expectRefusal(spec(decider).given(acceptedIntro()).when(cmd.respond({ actorId })).error(), 'FORBIDDEN', 'requestId');
  });

  it('given a pending intro, when the target answers, then CONFLICT (the mentor accepts first)', () => {
    expectRefusal(spec(decider).given(history(cmd.submit('INTRO'))).when(cmd.respond()).error(), 'CONFLICT', 'requestId', /not accepted/);
  });

  it('given the target already consented, when answering again, then CONFLICT', () => {
    expectRefusal(spec(decider).given(history(cmd.submit('INTRO'), cmd.accept(), cmd.respond())).when(cmd.respond({ consent: false })).error(), 'CONFLICT', 'requestId');
  });

  it('given a non-boolean answer, then BAD_USER_INPUT on consent', () => {
    expectRefusal(spec(decider).given(acceptedIntro()).when(cmd.respond({ consent: 'yes' as never })).error(), 'BAD_USER_INPUT', 'consent');
  });

  it('given a request that is not an intro, when someone answers, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given(acceptedReview()).when(cmd.respond({ actorId: targetId })).error(), 'FORBIDDEN', 'requestId');
  });
});

describe('wiring between streams', () => {
  const exits = {
    accepted: history(cmd.submit(), cmd.accept()),
    declined: history(cmd.submit(), cmd.decline()),
    withdrawn: history(cmd.submit(), cmd.withdraw()),
    expired: history(cmd.submit(), cmd.expire()),
  };

  it.each(Object.entries(exits))('a request leaving SUBMITTED (%s) frees the seeker’s pending slot', (_, events) => {
    expect(pendingSlotToFree(events.at(-1)!)).toEqual({ seekerId, requestId: ids('RESUME_REVIEW').requestId });
  });

  it('nothing else frees a pending slot, and only a declined intro releases capacity', () => {
    const all = [
      ...history(cmd.submit('INTRO'), cmd.accept(), cmd.respond(), cmd.complete(), cmd.feedback()),
      ...history(cmd.submit('REFERRAL'), cmd.accept(), cmd.vouch(), cmd.outcome(), cmd.complete()),
      ...history(cmd.submit('ADVICE_CALL'), cmd.accept(), cmd.noShow()),
    ];
    expect(all.filter((e) => e.type !== 'HelpRequestAccepted').map(pendingSlotToFree).filter(Boolean)).toEqual([]);
    expect([...all, ...Object.values(exits).flat()].map(capacityToRelease).filter(Boolean)).toEqual([]);
  });
});
