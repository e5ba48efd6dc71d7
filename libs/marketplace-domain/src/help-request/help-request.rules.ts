import { DomainError, TERMINAL_REQUEST_STATUSES, type Party, type RequestStatus } from '@payforward/contracts';
import type { ExistingHelpRequest, HelpRequestState } from './help-request.state.js';

/** Bounds of DESIGN §2.3: a message of substance with a stated goal; short notes; a real statement. */
export const REQUEST_RULES = {
  message: { min: 50, max: 2000 },
  goal: { min: 10, max: 300 },
  declineNoteMax: 500,
  feedbackNoteMax: 1000,
  rating: { min: 1, max: 5 },
  vouchStatement: { min: 20, max: 1000 },
  /** Unanswered for this long, a request expires (no penalty to anyone). */
  expiryDays: 7,
} as const;

/** `acceptRequest(id:)` and friends name the request `id`; `leaveFeedback(requestId:)` and friends `requestId`. */
export type RequestIdField = 'id' | 'requestId';

export const isTerminal = (status: RequestStatus): boolean => TERMINAL_REQUEST_STATUSES.includes(status);

const STATUS_WORDS: Record<RequestStatus, string> = {
  SUBMITTED: 'pending',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  WITHDRAWN: 'withdrawn',
  EXPIRED: 'expired',
  COMPLETED: 'completed',
  NO_SHOW: 'closed as a no-show',
};

export function existingRequest(state: HelpRequestState, field: RequestIdField): ExistingHelpRequest {
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'No such help request.', field);
  return state;
}

/**
 * The lifecycle guard. A terminal request never changes status again, and says so plainly;
 * otherwise the refusal names what the request is and when the action becomes possible.
 */
export function requireStatus(state: ExistingHelpRequest, allowed: readonly RequestStatus[], field: RequestIdField, action: string): void {
  if (allowed.includes(state.status)) return;
  if (isTerminal(state.status) && !allowed.some(isTerminal)) {
    throw new DomainError('CONFLICT', `This request is already ${STATUS_WORDS[state.status]} and can no longer change.`, field);
  }
  const wanted = allowed.map((s) => STATUS_WORDS[s]).join(' or ');
  throw new DomainError('CONFLICT', `This request is ${STATUS_WORDS[state.status]}; you can ${action} only while it is ${wanted}.`, field);
}

/** Which side of the request the member is on, if any. */
export function partyOf(state: ExistingHelpRequest, memberId: string): Party | null {
  if (memberId === state.request.mentorId) return 'MENTOR';
  if (memberId === state.request.seekerId) return 'SEEKER';
  return null;
}

export function requireMentor(state: ExistingHelpRequest, actorId: string, field: RequestIdField, action: string): void {
  if (actorId !== state.request.mentorId) throw new DomainError('FORBIDDEN', `Only the mentor can ${action} this request.`, field);
}

export function requireSeeker(state: ExistingHelpRequest, actorId: string, field: RequestIdField, action: string): void {
  if (actorId !== state.request.seekerId) throw new DomainError('FORBIDDEN', `Only the seeker who asked can ${action} this request.`, field);
}

export function requireParty(state: ExistingHelpRequest, actorId: string, field: RequestIdField, action: string): Party {
  const party = partyOf(state, actorId);
  if (!party) throw new DomainError('FORBIDDEN', `Only the mentor or the seeker can ${action} this request.`, field);
  return party;
}

/** The ids and kind every help-request event carries, so projections never look anything up. */
export function eventIds(state: ExistingHelpRequest) {
  const { requestId, offerId, mentorId, seekerId, kind } = state.request;
  return { requestId, offerId, mentorId, seekerId, kind };
}

/** A scheduled session's start in ms (null for unscheduled kinds). */
export const slotStart = (state: ExistingHelpRequest): number | null => (state.scheduledAt ? Date.parse(state.scheduledAt) : null);
