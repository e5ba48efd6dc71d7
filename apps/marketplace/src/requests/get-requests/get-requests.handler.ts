import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError } from '@payforward/contracts';
import { isAdmin, PG_POOL } from '@payforward/platform';
import { knownId } from '../../shared/ids.js';
import type { HelpRequest } from '../help-request.type.js';
import { findHelpRequest, requestsOf } from '../help-requests.read-model.js';
import { GetHelpRequestQuery, MyRequestsQuery } from './get-requests.query.js';

/**
 * A request is personal (a message, a goal, maybe a referral statement): only its seeker, its
 * mentor, the member an intro would reach, and admins may read it.
 */
@QueryHandler(GetHelpRequestQuery)
export class GetHelpRequestHandler implements IQueryHandler<GetHelpRequestQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute({ viewer, requestId }: GetHelpRequestQuery): Promise<HelpRequest> {
    const request = await findHelpRequest(this.pool, knownId(requestId, 'id', 'help request'));
    if (!request) throw new DomainError('NOT_FOUND', 'No such help request.', 'id');
    const readers = [request.seeker.id, request.mentor.id, request.introTarget?.id];
    if (!readers.includes(viewer.memberId) && !isAdmin(viewer)) {
      throw new DomainError('FORBIDDEN', 'Only the seeker, the mentor and the member to be introduced can see this request.', 'id');
    }
    return request;
  }
}

@QueryHandler(MyRequestsQuery)
export class MyRequestsHandler implements IQueryHandler<MyRequestsQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ viewer, as, statuses }: MyRequestsQuery): Promise<HelpRequest[]> {
    return requestsOf(this.pool, viewer.memberId, as, statuses && statuses.length > 0 ? statuses : null);
  }
}
