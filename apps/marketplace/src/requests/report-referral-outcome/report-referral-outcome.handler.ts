import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { ReportReferralOutcomeCommand } from './report-referral-outcome.command.js';

/** Only the seeker, once the mentor vouched. */
@CommandHandler(ReportReferralOutcomeCommand)
export class ReportReferralOutcomeHandler implements ICommandHandler<ReportReferralOutcomeCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId, outcome }: ReportReferralOutcomeCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'requestId', (id, now) => ({
      type: 'ReportReferralOutcome',
      data: { requestId: id, actorId: actor.id, outcome, now },
    }));
  }
}
