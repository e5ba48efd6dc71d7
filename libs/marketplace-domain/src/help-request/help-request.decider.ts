import type { CapacityReleaseReason, HelpRequestEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import type { HelpRequestCommand } from './help-request.commands.js';
import { complete, leaveFeedback, reportNoShow, reportReferralOutcome, respondToIntro, vouch } from './help-request.engagement.js';
import { accept, decline, expire, submit, withdraw } from './help-request.intake.js';
import { evolveHelpRequest, initialHelpRequestState, type HelpRequestState } from './help-request.state.js';

export function decideHelpRequest(command: HelpRequestCommand, state: HelpRequestState): HelpRequestEvent[] {
  switch (command.type) {
    case 'SubmitHelpRequest':
      return submit(command, state);
    case 'AcceptHelpRequest':
      return accept(command, state);
    case 'DeclineHelpRequest':
      return decline(command, state);
    case 'WithdrawHelpRequest':
      return withdraw(command, state);
    case 'ExpireHelpRequest':
      return expire(command, state);
    case 'CompleteHelpRequest':
      return complete(command, state);
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
