import { badInput, DomainError, type WorkedTogetherEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import type { WorkedTogetherState } from './worked-together.state.js';

/** The seeker confirms the mentor's attestation; only then does it count as evidence. */
export interface ConfirmWorkedTogether {
  type: 'ConfirmWorkedTogether';
  /** `seekerId` is the signed-in member; `mentorId` is the argument. */
  data: { mentorId: string; seekerId: string; now: Date };
}

export function confirmWorkedTogether({ data }: ConfirmWorkedTogether, state: WorkedTogetherState): WorkedTogetherEvent[] {
  if (data.mentorId === data.seekerId) throw badInput('mentorId', 'You cannot confirm working with yourself.');
  if (state.attestedAt === null) {
    throw new DomainError('NOT_FOUND', 'This member has not said they worked with you, so there is nothing to confirm yet.', 'mentorId');
  }
  if (state.confirmedAt !== null) return [];
  return [{ type: 'WorkedTogetherConfirmed', data: { mentorId: data.mentorId, seekerId: data.seekerId, confirmedAt: iso(data.now) } }];
}
