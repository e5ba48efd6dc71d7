import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { LeaveFeedbackCommand } from './leave-feedback.command.js';

/** Each side once, after completion; a rating of 4 or more makes the engagement count toward referrals. */
@CommandHandler(LeaveFeedbackCommand)
export class LeaveFeedbackHandler implements ICommandHandler<LeaveFeedbackCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId, rating, note }: LeaveFeedbackCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'requestId', (id, now) => ({
      type: 'LeaveFeedback',
      data: { requestId: id, actorId: actor.id, rating, note, now },
    }));
  }
}
