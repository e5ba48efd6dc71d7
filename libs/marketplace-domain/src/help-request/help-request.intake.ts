import {
  badInput,
  DECLINE_REASONS,
  DomainError,
  isScheduledKind,
  periodKeySchema,
  type HelpRequestEvent,
  type RelationshipEvidence,
} from '@payforward/contracts';
import { meetsRequirement } from '../relationship/relationship.rules.js';
import { boundedText, DAY_MS, iso, oneOf, optionalNote } from '../shared/input.rules.js';
import { declineGuidance, expiryGuidance, relationshipRequiredMessage } from './guidance.js';
import type {
  AcceptHelpRequest,
  DeclineHelpRequest,
  ExpireHelpRequest,
  SubmitHelpRequest,
  WithdrawHelpRequest,
} from './help-request.commands.js';
import { eventIds, existingRequest, requireMentor, requireSeeker, requireStatus, REQUEST_RULES } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

/**
 * The SUBMITTED phase: a request is made, then answered (accepted or declined), withdrawn by
 * the seeker, or expired by the system. Each exit from SUBMITTED must free the seeker's
 * pending slot (see `pendingSlotToFree`).
 */

const NO_EVIDENCE: RelationshipEvidence = { completedEngagementsWithGoodRating: 0, workedTogetherConfirmed: false };

export function submit({ data }: SubmitHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  if (state.status !== 'NONE') throw new DomainError('CONFLICT', 'This help request already exists.');
  const { offer } = data;
  // Asking yourself is not a permission problem but an impossible input: the offer named is the caller's own.
  if (data.seekerId === offer.mentorId) throw badInput('input.offerId', 'You cannot request help from your own offer.');
  if (data.seekerBlocked) throw new DomainError('FORBIDDEN', 'This mentor is not taking requests from you.', 'input.offerId');
  if (offer.status !== 'ACTIVE') {
    const why = offer.status === 'PAUSED' ? 'is paused and not taking requests right now' : 'is retired and no longer takes requests';
    throw new DomainError('CONFLICT', `This offer ${why}.`, 'input.offerId');
  }
  const message = boundedText(data.message, 'input.message', 'Your message', REQUEST_RULES.message.min, REQUEST_RULES.message.max);
  const goal = boundedText(data.goal, 'input.goal', 'Your goal', REQUEST_RULES.goal.min, REQUEST_RULES.goal.max);

  let introTargetId: string | null = null;
  if (offer.kind === 'INTRO') {
    introTargetId = typeof data.introTargetId === 'string' ? data.introTargetId.trim() : '';
    if (!introTargetId) throw badInput('input.introTargetId', 'Name the member you hope to be introduced to.');
    if (introTargetId === data.seekerId) throw badInput('input.introTargetId', 'You cannot ask to be introduced to yourself.');
    if (introTargetId === offer.mentorId) {
      throw badInput('input.introTargetId', 'You are already talking to this mentor; name someone they could introduce you to.');
    }
    if (data.introTargetExists !== true) throw badInput('input.introTargetId', 'There is no member with this id.');
  }

  let referral = null;
  if (offer.kind === 'REFERRAL') {
    // No evidence passed means no evidence: the relationship rule cannot be skipped by omission.
    const requirement = { minCompletedEngagements: Math.max(1, offer.minCompletedEngagements ?? 1), workedTogetherOnly: offer.workedTogetherOnly };
    const evidence = data.relationship ?? NO_EVIDENCE;
    if (!meetsRequirement(evidence, requirement)) {
      throw new DomainError('RELATIONSHIP_REQUIRED', relationshipRequiredMessage(requirement, evidence), 'input.offerId');
    }
    referral = { ...requirement, evidence: { ...evidence } };
  }

  return [
    {
      type: 'HelpRequestSubmitted',
      data: {
        requestId: data.requestId,
        offerId: offer.offerId,
        mentorId: offer.mentorId,
        seekerId: data.seekerId,
        kind: offer.kind,
        message,
        goal,
        introTargetId,
        durationMinutes: isScheduledKind(offer.kind) ? offer.durationMinutes : null,
        referral,
        submittedAt: iso(data.now),
        expiresAt: iso(new Date(data.now.getTime() + REQUEST_RULES.expiryDays * DAY_MS)),
      },
    },
  ];
}

/**
 * Records the acceptance. Capacity is not decided here: the handler first reserves a unit in
 * the offer's capacity ledger for `capacityPeriodKey` (the concurrency boundary) and only then
 * appends this; if this append fails it releases the reservation (ACCEPT_ABORTED). Handlers
 * should run this decision before reserving, so a refusal here never touches the ledger.
 */
export function accept({ data }: AcceptHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireMentor(current, data.actorId, 'id', 'accept');
  requireStatus(current, ['SUBMITTED'], 'id', 'accept it');
  const { kind, durationMinutes } = current.request;
  let scheduledAt: string | null = null;
  if (isScheduledKind(kind)) {
    const at = data.scheduledAt;
    if (!at) throw badInput('scheduledAt', 'Pick a time for the call.');
    if (!(at instanceof Date) || !Number.isFinite(at.getTime())) throw badInput('scheduledAt', 'That is not a valid time.');
    if (at.getTime() <= data.now.getTime()) throw badInput('scheduledAt', 'Pick a time in the future.');
    if (!data.slot?.insideAvailability) {
      throw badInput('scheduledAt', 'That time is outside your availability or on a blackout date; pick a time inside your weekly windows.');
    }
    if (data.slot.overlapsAcceptedSession) throw new DomainError('CONFLICT', 'That time overlaps another session you accepted; pick another time.', 'scheduledAt');
    scheduledAt = iso(at);
  }
  if (!periodKeySchema.safeParse(data.capacityPeriodKey).success) throw new Error(`invalid capacity period key ${data.capacityPeriodKey}`);
  return [
    {
      type: 'HelpRequestAccepted',
      data: {
        ...eventIds(current),
        scheduledAt,
        durationMinutes: isScheduledKind(kind) ? durationMinutes : null,
        capacityPeriodKey: data.capacityPeriodKey,
        acceptedAt: iso(data.now),
      },
    },
  ];
}

/** One click with a reason; never costs the mentor anything, always gives the seeker a next step. */
export function decline({ data }: DeclineHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireMentor(current, data.actorId, 'id', 'decline');
  requireStatus(current, ['SUBMITTED'], 'id', 'decline it');
  const reason = oneOf(data.reason, DECLINE_REASONS, 'reason', 'The reason');
  const note = optionalNote(data.note, 'note', REQUEST_RULES.declineNoteMax);
  const guidance = declineGuidance(reason, current.request.kind);
  return [{ type: 'HelpRequestDeclined', data: { ...eventIds(current), reason, note, guidance, declinedAt: iso(data.now) } }];
}

export function withdraw({ data }: WithdrawHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireSeeker(current, data.actorId, 'id', 'withdraw');
  requireStatus(current, ['SUBMITTED'], 'id', 'withdraw it');
  return [{ type: 'HelpRequestWithdrawn', data: { ...eventIds(current), withdrawnAt: iso(data.now) } }];
}

/** Driven by the durable expiry scan; early or late-arriving scans are refused, never guessed. */
export function expire({ data }: ExpireHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireStatus(current, ['SUBMITTED'], 'id', 'expire it');
  if (data.now.getTime() < Date.parse(current.request.expiresAt)) {
    throw new DomainError('CONFLICT', `This request is not due to expire before ${current.request.expiresAt}.`, 'id');
  }
  return [{ type: 'HelpRequestExpired', data: { ...eventIds(current), guidance: expiryGuidance(current.request.kind), expiredAt: iso(data.now) } }];
}
