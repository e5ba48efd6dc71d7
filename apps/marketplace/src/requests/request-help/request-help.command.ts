import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest, RequestHelpInput } from '../help-request.type.js';

export class RequestHelpCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly input: RequestHelpInput,
  ) {
    super();
  }
}
