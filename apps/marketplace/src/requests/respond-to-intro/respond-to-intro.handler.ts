import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { RespondToIntroCommand } from './respond-to-intro.command.js';

/** Double opt-in: only the intro's target answers; a refusal ends the request kindly and gives the capacity back. */
@CommandHandler(RespondToIntroCommand)
export class RespondToIntroHandler implements ICommandHandler<RespondToIntroCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId, consent }: RespondToIntroCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'requestId', (id, now) => ({
      type: 'RespondToIntro',
      data: { requestId: id, actorId: actor.id, consent, now },
    }));
  }
}
