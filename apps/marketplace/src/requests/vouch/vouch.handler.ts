import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { VouchCommand } from './vouch.command.js';

/** Only the mentor of an accepted referral; the event carries the relationship the vouch rests on. */
@CommandHandler(VouchCommand)
export class VouchHandler implements ICommandHandler<VouchCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId, statement }: VouchCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'requestId', (id, now) => ({ type: 'Vouch', data: { requestId: id, actorId: actor.id, statement, now } }));
  }
}
