import { Command } from '@nestjs/cqrs';
import type { DeclineReason } from '@payforward/contracts';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';

export class DeclineRequestCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly reason: DeclineReason,
    readonly note: string | null,
  ) {
    super();
  }
}
