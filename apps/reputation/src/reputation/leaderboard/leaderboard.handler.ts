import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { leaderboard } from '../reputation.read-model.js';
import type { Reputation } from '../reputation.type.js';
import { LeaderboardQuery } from './leaderboard.query.js';

@QueryHandler(LeaderboardQuery)
export class LeaderboardHandler implements IQueryHandler<LeaderboardQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ first }: LeaderboardQuery): Promise<Reputation[]> {
    return leaderboard(this.pool, first);
  }
}
