import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { CompleteRequestCommand } from './complete-request.command.js';

/** Only the mentor completes; the pair's completed engagements grow in the same transaction. */
@CommandHandler(CompleteRequestCommand)
export class CompleteRequestHandler implements ICommandHandler<CompleteRequestCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId }: CompleteRequestCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'id', (id, now) => ({ type: 'CompleteHelpRequest', data: { requestId: id, actorId: actor.id, now } }));
  }
}
