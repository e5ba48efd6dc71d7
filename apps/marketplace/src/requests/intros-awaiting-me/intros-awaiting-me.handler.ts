import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import type { HelpRequest } from '../help-request.type.js';
import { introsAwaiting } from '../help-requests.read-model.js';
import { IntrosAwaitingMeQuery } from './intros-awaiting-me.query.js';

/**
 * Double opt-in needs the target to find what they are asked: myRequests lists a member's
 * requests as seeker or mentor only, and the contract's Party has no third side. Always the
 * viewer's own list (no argument names anyone else), so nobody can read another target's intros.
 */
@QueryHandler(IntrosAwaitingMeQuery)
export class IntrosAwaitingMeHandler implements IQueryHandler<IntrosAwaitingMeQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ viewer }: IntrosAwaitingMeQuery): Promise<HelpRequest[]> {
    return introsAwaiting(this.pool, viewer.memberId);
  }
}
