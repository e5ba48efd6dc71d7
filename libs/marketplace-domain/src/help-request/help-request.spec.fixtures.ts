import type { HelpKind, HelpRequestEvent } from '@payforward/contracts';
import { uuid } from '../shared/spec.fixtures.js';
import { helpRequestDecider, type HelpRequestCommand } from './help-request.decider.js';
import type { OfferSnapshot } from './submit-help-request.js';

/** Test-only: one request between one mentor and one seeker, and commands with sensible defaults. */
export const requestId = uuid(300);
export const offerId = uuid(301);
export const mentorId = uuid(302);
export const seekerId = uuid(303);
export const targetId = uuid(304);
export const stranger = uuid(305);

/** Monday 2026-11-23 09:00 UTC; the call slot is Tuesday 10:00–11:00 UTC. */
export const T0 = new Date('2026-11-23T09:00:00.000Z');
export const SLOT = new Date('2026-11-24T10:00:00.000Z');
export const AFTER_SLOT = new Date('2026-11-24T11:00:00.000Z');
export const PERIOD = '2026-W48';
export const MESSAGE = 'I am moving from QA into backend engineering and would love your honest view on how to start.';
export const GOAL = 'Pick a first backend project';
export const at = (d: Date) => d.toISOString();

export const offer = (kind: HelpKind, overrides: Partial<OfferSnapshot> = {}): OfferSnapshot => ({
  offerId,
  mentorId,
  kind,
  status: 'ACTIVE',
  durationMinutes: kind === 'ADVICE_CALL' || kind === 'MOCK_INTERVIEW' ? 60 : null,
  minCompletedEngagements: kind === 'REFERRAL' ? 1 : null,
  workedTogetherOnly: false,
  ...overrides,
});

type DataOf<T extends HelpRequestCommand['type']> = Extract<HelpRequestCommand, { type: T }>['data'];

export const cmd = {
  submit: (kind: HelpKind = 'RESUME_REVIEW', data: Partial<DataOf<'SubmitHelpRequest'>> = {}): HelpRequestCommand => ({
    type: 'SubmitHelpRequest',
    data: {
      requestId,
      seekerId,
      offer: offer(kind),
      message: MESSAGE,
      goal: GOAL,
      introTargetId: kind === 'INTRO' ? targetId : null,
      seekerBlocked: false,
      relationship: kind === 'REFERRAL' ? { completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false } : null,
      introTargetExists: kind === 'INTRO' ? true : undefined,
      now: T0,
      ...data,
    },
  }),
  accept: (data: Partial<DataOf<'AcceptHelpRequest'>> = {}): HelpRequestCommand => ({
    type: 'AcceptHelpRequest',
    data: { requestId, actorId: mentorId, scheduledAt: SLOT, slot: { insideAvailability: true, overlapsAcceptedSession: false }, capacityPeriodKey: PERIOD, now: T0, ...data },
  }),
  decline: (data: Partial<DataOf<'DeclineHelpRequest'>> = {}): HelpRequestCommand => ({
    type: 'DeclineHelpRequest',
    data: { requestId, actorId: mentorId, reason: 'NOT_A_FIT', note: null, now: T0, ...data },
  }),
  withdraw: (data: Partial<DataOf<'WithdrawHelpRequest'>> = {}): HelpRequestCommand => ({ type: 'WithdrawHelpRequest', data: { requestId, actorId: seekerId, now: T0, ...data } }),
  expire: (now = new Date(T0.getTime() + 7 * 86_400_000)): HelpRequestCommand => ({ type: 'ExpireHelpRequest', data: { requestId, now } }),
  complete: (data: Partial<DataOf<'CompleteHelpRequest'>> = {}): HelpRequestCommand => ({ type: 'CompleteHelpRequest', data: { requestId, actorId: mentorId, now: AFTER_SLOT, ...data } }),
  noShow: (data: Partial<DataOf<'ReportNoShow'>> = {}): HelpRequestCommand => ({ type: 'ReportNoShow', data: { requestId, actorId: seekerId, absent: 'MENTOR', now: AFTER_SLOT, ...data } }),
  feedback: (data: Partial<DataOf<'LeaveFeedback'>> = {}): HelpRequestCommand => ({
    type: 'LeaveFeedback',
    data: { requestId, actorId: seekerId, rating: 5, note: 'Thank you, that was exactly what I needed.', now: AFTER_SLOT, ...data },
  }),
  vouch: (data: Partial<DataOf<'Vouch'>> = {}): HelpRequestCommand => ({
    type: 'Vouch',
    data: { requestId, actorId: mentorId, statement: 'I mentored Sam through two backend projects; solid, careful work.', now: T0, ...data },
  }),
  outcome: (data: Partial<DataOf<'ReportReferralOutcome'>> = {}): HelpRequestCommand => ({
    type: 'ReportReferralOutcome',
    data: { requestId, actorId: seekerId, outcome: 'INTERVIEWED', now: AFTER_SLOT, ...data },
  }),
  respond: (data: Partial<DataOf<'RespondToIntro'>> = {}): HelpRequestCommand => ({ type: 'RespondToIntro', data: { requestId, actorId: targetId, consent: true, now: T0, ...data } }),
};

/** Runs commands through the decider to build a history (so fixtures can never drift from the rules). */
export function history(...commands: HelpRequestCommand[]): HelpRequestEvent[] {
  const events: HelpRequestEvent[] = [];
  for (const command of commands) events.push(...helpRequestDecider.decide(command, events.reduce(helpRequestDecider.evolve, helpRequestDecider.initialState())));
  return events;
}

export const ids = (kind: HelpKind) => ({ requestId, offerId, mentorId, seekerId, kind });
