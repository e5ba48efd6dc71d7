import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';
import type { ReputationFlagView } from '../../flags/flag.type.js';

/** dismissFlag / reverseFlag: an admin's decision on an OPEN flag, with a mandatory note. */
export class ResolveFlagCommand extends Command<ReputationFlagView> {
  constructor(
    readonly decision: 'DISMISSED' | 'REVERSED',
    readonly flagId: string,
    readonly note: string,
    readonly admin: Viewer,
    readonly correlationId: string,
  ) {
    super();
  }
}
