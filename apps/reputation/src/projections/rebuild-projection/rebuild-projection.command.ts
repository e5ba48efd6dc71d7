import { Command } from '@nestjs/cqrs';
import type { ProjectionStatus } from '../projection-status.type.js';

/** Rebuilds a projection from the stored facts into fresh tables and swaps them in; answers once it started. */
export class RebuildProjectionCommand extends Command<ProjectionStatus> {
  constructor(readonly name: string) {
    super();
  }
}
