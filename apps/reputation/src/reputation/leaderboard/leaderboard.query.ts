import { Query } from '@nestjs/cqrs';
import type { Reputation } from '../reputation.type.js';

/** The members with the highest scores. */
export class LeaderboardQuery extends Query<Reputation[]> {
  constructor(readonly first: number) {
    super();
  }
}
