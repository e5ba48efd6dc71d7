import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';
import type { RequestHelpInput } from './request-help.input.js';

export class RequestHelpCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly input: RequestHelpInput,
  ) {
    super();
  }
}
