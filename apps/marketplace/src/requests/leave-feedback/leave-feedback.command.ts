import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';

export class LeaveFeedbackCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly rating: number,
    readonly note: string | null,
  ) {
    super();
  }
}
