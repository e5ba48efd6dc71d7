import type { CapacityReleaseReason, HelpRequestEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { evolveHelpRequest, initialHelpRequestState, type HelpRequestState } from './help-request.state.js';
import { acceptHelpRequest, type AcceptHelpRequest } from './accept-help-request.js';
import { completeHelpRequest, type CompleteHelpRequest } from './complete-help-request.js';
import { declineHelpRequest, type DeclineHelpRequest } from './decline-help-request.js';
import { expireHelpRequest, type ExpireHelpRequest } from './expire-help-request.js';
import { leaveFeedback, type LeaveFeedback } from './leave-feedback.js';
import { reportNoShow, type ReportNoShow } from './report-no-show.js';
import { reportReferralOutcome, type ReportReferralOutcome } from './report-referral-outcome.js';
import { respondToIntro, type RespondToIntro } from './respond-to-intro.js';
import { submitHelpRequest, type SubmitHelpRequest } from './submit-help-request.js';
import { vouch, type Vouch } from './vouch.js';
import { withdrawHelpRequest, type WithdrawHelpRequest } from './withdraw-help-request.js';

/**
 * Commands on a help request (stream `help-request-<requestId>`). The handler loads what the
 * decider cannot know — the offer, the block list, the relationship evidence, the mentor's
 * availability — and passes the facts in; `actorId` comes from the token and `now` from the
 * handler's clock, so the decider stays pure and deterministic.
 *
 * The SUBMITTED phase: a request is made, then answered (accepted or declined), withdrawn by
 * the seeker, or expired by the system; each exit from SUBMITTED frees the seeker's pending
 * slot (`pendingSlotToFree`). The ACCEPTED phase and after: the engagement happens (completion
 * or a no-show), each side may leave feedback once, referrals are vouched for and their outcome
 * reported, and an intro's target answers. Completed requests stay COMPLETED; feedback and a
 * referral's outcome are recorded on them without changing status.
 */
export type HelpRequestCommand =
  | SubmitHelpRequest
  | AcceptHelpRequest
  | DeclineHelpRequest
  | WithdrawHelpRequest
  | ExpireHelpRequest
  | CompleteHelpRequest
  | ReportNoShow
  | LeaveFeedback
  | Vouch
  | ReportReferralOutcome
  | RespondToIntro;

export function decideHelpRequest(command: HelpRequestCommand, state: HelpRequestState): HelpRequestEvent[] {
  switch (command.type) {
    case 'SubmitHelpRequest':
      return submitHelpRequest(command, state);
    case 'AcceptHelpRequest':
      return acceptHelpRequest(command, state);
    case 'DeclineHelpRequest':
      return declineHelpRequest(command, state);
    case 'WithdrawHelpRequest':
      return withdrawHelpRequest(command, state);
    case 'ExpireHelpRequest':
      return expireHelpRequest(command, state);
    case 'CompleteHelpRequest':
      return completeHelpRequest(command, state);
    case 'ReportNoShow':
      return reportNoShow(command, state);
    case 'LeaveFeedback':
      return leaveFeedback(command, state);
    case 'Vouch':
      return vouch(command, state);
    case 'ReportReferralOutcome':
      return reportReferralOutcome(command, state);
    case 'RespondToIntro':
      return respondToIntro(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown help-request command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const helpRequestDecider: Decider<HelpRequestState, HelpRequestCommand, HelpRequestEvent> = {
  decide: decideHelpRequest,
  evolve: evolveHelpRequest,
  initialState: initialHelpRequestState,
};

/**
 * What the handler does on the other streams after appending help-request events — the
 * wiring between the three consistency boundaries, kept here so it is tested with the rules:
 * a request leaving SUBMITTED frees the seeker's pending slot.
 */
export function pendingSlotToFree(event: HelpRequestEvent): { seekerId: string; requestId: string } | null {
  switch (event.type) {
    case 'HelpRequestAccepted':
    case 'HelpRequestDeclined':
    case 'HelpRequestWithdrawn':
    case 'HelpRequestExpired':
      return { seekerId: event.data.seekerId, requestId: event.data.requestId };
    default:
      return null;
  }
}

/**
 * Capacity given back to the offer's period ledger. Only an intro whose target declined
 * releases: that engagement never took place through nobody's fault. Completions and
 * no-shows keep their unit (the mentor's time was committed); declines, withdrawals and
 * expiries never held one.
 */
export function capacityToRelease(
  event: HelpRequestEvent,
): { offerId: string; periodKey: string; requestId: string; reason: CapacityReleaseReason } | null {
  if (event.type !== 'IntroDeclined') return null;
  return { offerId: event.data.offerId, periodKey: event.data.capacityPeriodKey, requestId: event.data.requestId, reason: 'INTRO_DECLINED' };
}
