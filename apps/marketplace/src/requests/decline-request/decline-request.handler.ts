import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { DeclineRequestCommand } from './decline-request.command.js';

/** One click with a reason: only the mentor; the seeker gets the domain's guidance and their pending slot back. */
@CommandHandler(DeclineRequestCommand)
export class DeclineRequestHandler implements ICommandHandler<DeclineRequestCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId, reason, note }: DeclineRequestCommand): Promise<HelpRequest> {
    return this.requests.act(
      actor,
      requestId,
      'id',
      (id, now) => ({ type: 'DeclineHelpRequest', data: { requestId: id, actorId: actor.id, reason, note, now } }),
      { endsSubmitted: true },
    );
  }
}
