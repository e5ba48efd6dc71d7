import { DomainError, type OfferEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { iso } from '../shared/input.rules.js';
import type { OfferCommand, PauseOffer, PublishOffer, ResumeOffer, RetireOffer, UpdateOffer } from './offer.commands.js';
import {
  durationFor,
  minEngagementsFor,
  normalizeTopics,
  validCapacity,
  validDescription,
  validKind,
  validPeriod,
  validTitle,
  workedTogetherOnlyFor,
} from './offer.rules.js';
import { evolveOffer, initialOfferState, type OfferDetails, type OfferState } from './offer.state.js';

type ExistingOffer = Exclude<OfferState, { status: 'NONE' }>;

function publish({ data }: PublishOffer, state: OfferState): OfferEvent[] {
  if (state.status !== 'NONE') throw new DomainError('CONFLICT', 'This offer already exists.', 'id');
  const kind = validKind(data.kind);
  const offer: OfferDetails = {
    offerId: data.offerId,
    mentorId: data.actorId,
    kind,
    title: validTitle(data.title),
    description: validDescription(data.description),
    topics: normalizeTopics(data.topics),
    capacity: validCapacity(data.capacity),
    period: validPeriod(data.period),
    durationMinutes: durationFor(kind, data.durationMinutes),
    minCompletedEngagements: minEngagementsFor(kind, data.minCompletedEngagements),
    workedTogetherOnly: workedTogetherOnlyFor(kind, data.workedTogetherOnly),
  };
  return [{ type: 'OfferPublished', data: { ...offer, publishedAt: iso(data.now) } }];
}

/** Only the offer's mentor may change it; a missing offer is NOT_FOUND whoever asks. */
function existingOwnedBy(state: OfferState, actorId: string): ExistingOffer {
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'No such offer.', 'id');
  if (state.offer.mentorId !== actorId) throw new DomainError('FORBIDDEN', 'Only the mentor who published this offer can change it.', 'id');
  return state;
}

/** RETIRED is final: a retired offer is kept for history, never revived or edited. */
function notRetired(state: ExistingOffer): void {
  if (state.status === 'RETIRED') throw new DomainError('CONFLICT', 'This offer is retired and can no longer change.', 'id');
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

function update({ data }: UpdateOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  const { offer } = current;
  const next: OfferDetails = {
    ...offer,
    title: given(data.title) ? validTitle(data.title) : offer.title,
    description: given(data.description) ? validDescription(data.description) : offer.description,
    topics: given(data.topics) ? normalizeTopics(data.topics) : offer.topics,
    capacity: given(data.capacity) ? validCapacity(data.capacity) : offer.capacity,
    period: given(data.period) ? validPeriod(data.period) : offer.period,
    durationMinutes: given(data.durationMinutes) ? durationFor(offer.kind, data.durationMinutes) : offer.durationMinutes,
    minCompletedEngagements: given(data.minCompletedEngagements)
      ? minEngagementsFor(offer.kind, data.minCompletedEngagements)
      : offer.minCompletedEngagements,
    workedTogetherOnly: given(data.workedTogetherOnly)
      ? workedTogetherOnlyFor(offer.kind, data.workedTogetherOnly)
      : offer.workedTogetherOnly,
  };
  // An update that changes nothing records nothing: replays and retries stay quiet.
  if (JSON.stringify(next) === JSON.stringify(offer)) return [];
  return [{ type: 'OfferUpdated', data: { ...next, updatedAt: iso(data.now) } }];
}

function pause({ data }: PauseOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  if (current.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'Only an active offer can be paused.', 'id');
  return [{ type: 'OfferPaused', data: { offerId: current.offer.offerId, mentorId: current.offer.mentorId, pausedAt: iso(data.now) } }];
}

function resume({ data }: ResumeOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  if (current.status !== 'PAUSED') throw new DomainError('CONFLICT', 'Only a paused offer can be resumed.', 'id');
  return [{ type: 'OfferResumed', data: { offerId: current.offer.offerId, mentorId: current.offer.mentorId, resumedAt: iso(data.now) } }];
}

function retire({ data }: RetireOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  return [{ type: 'OfferRetired', data: { offerId: current.offer.offerId, mentorId: current.offer.mentorId, retiredAt: iso(data.now) } }];
}

export function decideOffer(command: OfferCommand, state: OfferState): OfferEvent[] {
  switch (command.type) {
    case 'PublishOffer':
      return publish(command, state);
    case 'UpdateOffer':
      return update(command, state);
    case 'PauseOffer':
      return pause(command, state);
    case 'ResumeOffer':
      return resume(command, state);
    case 'RetireOffer':
      return retire(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown offer command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const offerDecider: Decider<OfferState, OfferCommand, OfferEvent> = {
  decide: decideOffer,
  evolve: evolveOffer,
  initialState: initialOfferState,
};
