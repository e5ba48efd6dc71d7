import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@payforward/contracts';
import { CurrentViewer, type Viewer } from '@payforward/platform';
import { requireAdmin } from '../../admin/admin.auth.js';
import { isUuid } from '../../reputation/reputation.read-model.js';
import { EventRecord } from '../event-record.type.js';
import { MemberHistoryQuery } from './member-history.query.js';

@Resolver(() => EventRecord)
export class MemberHistoryResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [EventRecord], { description: 'Admin only: every event concerning the member that the reputation service holds (identity, marketplace, admin decisions), oldest first.' })
  memberHistory(@Args('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer | null): Promise<EventRecord[]> {
    requireAdmin(viewer);
    if (!isUuid(memberId)) throw new DomainError('BAD_USER_INPUT', 'memberId is not a member id.', 'memberId');
    return this.queries.execute(new MemberHistoryQuery(memberId.toLowerCase()));
  }
}
