import { badInput, DomainError, type HelpRequestEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { INTRO_DECLINED_GUIDANCE } from './guidance.js';
import { eventIds, existingRequest, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface RespondToIntro {
  type: 'RespondToIntro';
  data: { requestId: string; actorId: string; consent: boolean; now: Date };
}

/**
 * Double opt-in: after the mentor accepts, the target member answers once. Consent opens the
 * way to contact details; a refusal ends the request kindly and gives the capacity back.
 */
export function respondToIntro({ data }: RespondToIntro, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'requestId');
  const { introTargetId } = current.request;
  if (!introTargetId || data.actorId !== introTargetId) {
    throw new DomainError('FORBIDDEN', 'Only the member to be introduced can answer this introduction.', 'requestId');
  }
  if (current.status === 'SUBMITTED') throw new DomainError('CONFLICT', 'The mentor has not accepted this introduction yet.', 'requestId');
  requireStatus(current, ['ACCEPTED'], 'requestId', 'answer the introduction');
  if (current.introConsent !== null) throw new DomainError('CONFLICT', 'You already answered this introduction.', 'requestId');
  if (typeof data.consent !== 'boolean') throw badInput('consent', 'Answer yes or no.');
  const base = { ...eventIds(current), introTargetId, respondedAt: iso(data.now) };
  if (data.consent) return [{ type: 'IntroConsented', data: { ...base, consent: true } }];
  return [
    {
      type: 'IntroDeclined',
      data: { ...base, consent: false, guidance: INTRO_DECLINED_GUIDANCE, capacityPeriodKey: current.capacityPeriodKey ?? '' },
    },
  ];
}
