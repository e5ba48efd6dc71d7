import { badInput, type WorkedTogetherEvent } from '@payforward/contracts';
import { boundedText, iso } from '../shared/input.rules.js';
import type { WorkedTogetherState } from './worked-together.state.js';

export const ATTESTATION_CONTEXT = { min: 10, max: 500 } as const;

/** The mentor states they worked with the seeker (stream `worked-together-<mentorId>-<seekerId>`). */
export interface AttestWorkedTogether {
  type: 'AttestWorkedTogether';
  /** `mentorId` is the signed-in member; `seekerId` is the `memberId` argument. */
  data: { mentorId: string; seekerId: string; context: string; now: Date };
}

export function attestWorkedTogether({ data }: AttestWorkedTogether, state: WorkedTogetherState): WorkedTogetherEvent[] {
  if (data.mentorId === data.seekerId) throw badInput('memberId', 'You cannot attest that you worked with yourself.');
  const context = boundedText(data.context, 'context', 'What you worked on together', ATTESTATION_CONTEXT.min, ATTESTATION_CONTEXT.max);
  // An attestation is a statement made once; repeating it (a retried mutation) changes nothing.
  if (state.attestedAt !== null) return [];
  return [{ type: 'WorkedTogetherAttested', data: { mentorId: data.mentorId, seekerId: data.seekerId, context, attestedAt: iso(data.now) } }];
}
