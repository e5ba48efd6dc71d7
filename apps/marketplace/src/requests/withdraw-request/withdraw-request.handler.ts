import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { WithdrawRequestCommand } from './withdraw-request.command.js';

/** Only the seeker withdraws, and only while the request is pending; the pending slot is freed. */
@CommandHandler(WithdrawRequestCommand)
export class WithdrawRequestHandler implements ICommandHandler<WithdrawRequestCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId }: WithdrawRequestCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'id', (id, now) => ({ type: 'WithdrawHelpRequest', data: { requestId: id, actorId: actor.id, now } }), {
      endsSubmitted: true,
    });
  }
}
