import { Command } from '@nestjs/cqrs';
import type { Party } from '@payforward/contracts';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';

export class ReportNoShowCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly absent: Party,
  ) {
    super();
  }
}
