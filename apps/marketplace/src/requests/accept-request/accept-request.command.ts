import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';

export class AcceptRequestCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    /** Calls only: the session's start. */
    readonly scheduledAt: Date | null,
  ) {
    super();
  }
}
