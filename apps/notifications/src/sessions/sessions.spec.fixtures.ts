import { v7 as uuidv7 } from 'uuid';
import { helpRequestStreamId, memberStreamId, type EventEnvelope, type HelpKind } from '@payforward/contracts';
import { envelope } from '../notifications.spec.fixtures.js';

/** Test-only: help requests with a scheduled session, and members with a time zone, as the producers publish them. */

export const member = (memberId: string, displayName: string, timezone: string, at: string): EventEnvelope =>
  envelope('MemberRegistered', memberStreamId(memberId), 1, at, { memberId, email: `${memberId}@example.com`, displayName, headline: null, timezone, roles: ['MEMBER'] }, memberId);

export function scheduledRequest(mentorId: string, seekerId: string, kind: HelpKind = 'ADVICE_CALL') {
  const ids = { requestId: uuidv7(), offerId: uuidv7(), mentorId, seekerId, kind };
  const streamId = helpRequestStreamId(ids.requestId);
  let version = 0;
  const next = (type: string, at: Date, data: Record<string, unknown>, actor: string) => envelope(type, streamId, ++version, at.toISOString(), { ...ids, ...data }, actor);
  return {
    ids,
    submitted: (at: Date) =>
      next(
        'HelpRequestSubmitted',
        at,
        {
          message: 'I would love an hour on moving from support into product management.',
          goal: 'Plan my first product role',
          introTargetId: null,
          durationMinutes: 45,
          referral: null,
          submittedAt: at.toISOString(),
          expiresAt: new Date(at.getTime() + 7 * 86_400_000).toISOString(),
        },
        seekerId,
      ),
    accepted: (at: Date, scheduledAt: Date, durationMinutes = 45) =>
      next('HelpRequestAccepted', at, { scheduledAt: scheduledAt.toISOString(), durationMinutes, capacityPeriodKey: '2026-W10', acceptedAt: at.toISOString() }, mentorId),
    declined: (at: Date) => next('HelpRequestDeclined', at, { reason: 'NO_CAPACITY', note: null, guidance: 'Try another mentor.', declinedAt: at.toISOString() }, mentorId),
    withdrawn: (at: Date) => next('HelpRequestWithdrawn', at, { withdrawnAt: at.toISOString() }, seekerId),
    completed: (at: Date, scheduledAt: Date) => next('HelpRequestCompleted', at, { scheduledAt: scheduledAt.toISOString(), completedAt: at.toISOString() }, mentorId),
    noShow: (at: Date, scheduledAt: Date) => next('NoShowReported', at, { absent: 'SEEKER', reportedBy: 'MENTOR', scheduledAt: scheduledAt.toISOString(), reportedAt: at.toISOString() }, mentorId),
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const plus = (at: Date, ms: number): Date => new Date(at.getTime() + ms);
