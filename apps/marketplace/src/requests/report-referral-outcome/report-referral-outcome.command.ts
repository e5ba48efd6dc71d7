import { Command } from '@nestjs/cqrs';
import type { ReferralOutcome } from '@payforward/contracts';
import type { Actor } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';

export class ReportReferralOutcomeCommand extends Command<HelpRequest> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly outcome: ReferralOutcome,
  ) {
    super();
  }
}
