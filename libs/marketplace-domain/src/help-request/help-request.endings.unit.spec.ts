import { DECLINE_REASONS } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents } from '../shared/spec.fixtures.js';
import { ADVICE_CALL_FIRST, declineGuidance, expiryGuidance } from './guidance.js';
import { at, cmd, history, ids, T0, mentorId, seekerId } from './help-request.spec.fixtures.js';
import { helpRequestDecider } from './help-request.decider.js';

const decider = helpRequestDecider;
const SEVEN_DAYS = 7 * 86_400_000;

describe('help request: DeclineHelpRequest', () => {
  it.each(DECLINE_REASONS)('given a pending request, when declined for %s, then HelpRequestDeclined with that reason’s guidance', (reason) => {
    const events = spec(decider).given(history(cmd.submit())).when(cmd.decline({ reason, note: '  Good luck!  ' })).events();
    expect(events).toEqual([
      { type: 'HelpRequestDeclined', data: { ...ids('RESUME_REVIEW'), reason, note: 'Good luck!', guidance: declineGuidance(reason, 'RESUME_REVIEW'), declinedAt: at(T0) } },
    ]);
    expectValidEvents(events);
  });

  it('given DONT_KNOW_YOU_WELL_ENOUGH, then the guidance says to ask for an advice call first', () => {
    const [event] = spec(decider).given(history(cmd.submit())).when(cmd.decline({ reason: 'DONT_KNOW_YOU_WELL_ENOUGH' })).events();
    expect(event!.data).toMatchObject({ guidance: expect.stringContaining(ADVICE_CALL_FIRST) });
  });

  it('given NO_CAPACITY on a call, then the guidance points to the next period or another mentor', () => {
    expect(declineGuidance('NO_CAPACITY', 'ADVICE_CALL')).toMatch(/next period.*another mentor/);
  });

  it.each(DECLINE_REASONS)('given a referral declined for %s, then the guidance says to ask for an advice call first', (reason) => {
    const [event] = spec(decider).given(history(cmd.submit('REFERRAL'))).when(cmd.decline({ reason })).events();
    expect(event!.data).toMatchObject({ guidance: expect.stringContaining(ADVICE_CALL_FIRST) });
  });

  it('given a blank note, when declining, then no note is recorded', () => {
    const [event] = spec(decider).given(history(cmd.submit())).when(cmd.decline({ note: '   ' })).events();
    expect(event!.data).toMatchObject({ note: null });
  });

  it('given a 501-character note, when declining, then BAD_USER_INPUT on note', () => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.decline({ note: 'x'.repeat(501) })).error(), 'BAD_USER_INPUT', 'note');
  });

  it('given an unknown reason, when declining, then BAD_USER_INPUT on reason', () => {
    const error = spec(decider).given(history(cmd.submit())).when(cmd.decline({ reason: 'BUSY' as never })).error();
    expectRefusal(error, 'BAD_USER_INPUT', 'reason');
  });

  it('given the seeker, when declining, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.decline({ actorId: seekerId })).error(), 'FORBIDDEN', 'id');
  });

  it('given an accepted request, when declining, then CONFLICT (declining is an answer to a pending request)', () => {
    expectRefusal(spec(decider).given(history(cmd.submit(), cmd.accept())).when(cmd.decline()).error(), 'CONFLICT', 'id', /accepted/);
  });
});

describe('help request: WithdrawHelpRequest', () => {
  it('given a pending request, when the seeker withdraws, then HelpRequestWithdrawn', () => {
    const events = spec(decider).given(history(cmd.submit())).when(cmd.withdraw()).events();
    expect(events).toEqual([{ type: 'HelpRequestWithdrawn', data: { ...ids('RESUME_REVIEW'), withdrawnAt: at(T0) } }]);
    expectValidEvents(events);
  });

  it('given the mentor, when withdrawing, then FORBIDDEN', () => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.withdraw({ actorId: mentorId })).error(), 'FORBIDDEN', 'id');
  });

  it('given an accepted request, when withdrawing, then CONFLICT (only pending requests can be withdrawn)', () => {
    expectRefusal(spec(decider).given(history(cmd.submit(), cmd.accept())).when(cmd.withdraw()).error(), 'CONFLICT', 'id');
  });
});

describe('help request: ExpireHelpRequest', () => {
  it('given a request unanswered for exactly 7 days, when the scan expires it, then HelpRequestExpired with guidance', () => {
    const now = new Date(T0.getTime() + SEVEN_DAYS);
    const events = spec(decider).given(history(cmd.submit())).when(cmd.expire(now)).events();
    expect(events).toEqual([{ type: 'HelpRequestExpired', data: { ...ids('RESUME_REVIEW'), guidance: expiryGuidance('RESUME_REVIEW'), expiredAt: at(now) } }]);
    expect(expiryGuidance('RESUME_REVIEW')).toMatch(/nobody is penalized/);
    expectValidEvents(events);
  });

  it('given a referral request, when it expires, then the guidance says to ask for an advice call first', () => {
    const [event] = spec(decider).given(history(cmd.submit('REFERRAL'))).when(cmd.expire()).events();
    expect(event!.data).toMatchObject({ guidance: expect.stringContaining(ADVICE_CALL_FIRST) });
  });

  it('given a request 7 days minus a millisecond old, when the scan expires it, then CONFLICT (not due yet)', () => {
    expectRefusal(spec(decider).given(history(cmd.submit())).when(cmd.expire(new Date(T0.getTime() + SEVEN_DAYS - 1))).error(), 'CONFLICT', 'id', /not due/);
  });

  it('given an answered request, when the scan tries to expire it, then CONFLICT', () => {
    expectRefusal(spec(decider).given(history(cmd.submit(), cmd.accept())).when(cmd.expire()).error(), 'CONFLICT', 'id');
  });
});

describe('help request: terminal states never change', () => {
  const terminal = {
    DECLINED: () => history(cmd.submit('INTRO'), cmd.decline()),
    WITHDRAWN: () => history(cmd.submit('INTRO'), cmd.withdraw()),
    EXPIRED: () => history(cmd.submit('INTRO'), cmd.expire()),
    COMPLETED: () => history(cmd.submit('INTRO'), cmd.accept(), cmd.respond(), cmd.complete()),
    NO_SHOW: () => history(cmd.submit('INTRO'), cmd.accept(), cmd.respond(), cmd.noShow()),
    'DECLINED by the intro target': () => history(cmd.submit('INTRO'), cmd.accept(), cmd.respond({ consent: false })),
  };
  const moves = {
    accept: cmd.accept(),
    decline: cmd.decline(),
    withdraw: cmd.withdraw(),
    expire: cmd.expire(new Date(T0.getTime() + 30 * 86_400_000)),
    complete: cmd.complete(),
    'report a no-show': cmd.noShow(),
    'answer the intro': cmd.respond({ consent: true }),
  };
  const cases = Object.entries(terminal).flatMap(([status, given]) => Object.entries(moves).map(([move, command]) => [status, move, given, command] as const));

  it.each(cases)('given a %s request, when asked to %s, then CONFLICT', (_, __, given, command) => {
    expectRefusal(spec(decider).given(given()).when(command).error(), 'CONFLICT');
  });
});
