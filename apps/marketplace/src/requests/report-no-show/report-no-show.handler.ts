import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HelpRequestActions } from '../help-request.actions.js';
import type { HelpRequest } from '../help-request.type.js';
import { ReportNoShowCommand } from './report-no-show.command.js';

/** Either party, once the session time is over (the decider's rule). */
@CommandHandler(ReportNoShowCommand)
export class ReportNoShowHandler implements ICommandHandler<ReportNoShowCommand> {
  constructor(private readonly requests: HelpRequestActions) {}

  execute({ actor, requestId, absent }: ReportNoShowCommand): Promise<HelpRequest> {
    return this.requests.act(actor, requestId, 'id', (id, now) => ({ type: 'ReportNoShow', data: { requestId: id, actorId: actor.id, absent, now } }));
  }
}
