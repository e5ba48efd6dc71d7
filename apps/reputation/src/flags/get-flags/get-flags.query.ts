import { Query } from '@nestjs/cqrs';
import type { FlagStatus, ReputationFlagView } from '../flag.type.js';

/** The admin review queue, optionally only flags with one status. */
export class GetFlagsQuery extends Query<ReputationFlagView[]> {
  constructor(readonly status: FlagStatus | null) {
    super();
  }
}
