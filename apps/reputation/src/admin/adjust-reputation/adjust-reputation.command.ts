import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';
import type { Reputation } from '../../reputation/reputation.type.js';

/** adjustReputation: an admin adds or removes points, with a mandatory reason shown in the member's ledger. */
export class AdjustReputationCommand extends Command<Reputation> {
  constructor(
    readonly memberId: string,
    readonly points: number,
    readonly reason: string,
    readonly admin: Viewer,
    readonly correlationId: string,
  ) {
    super();
  }
}
