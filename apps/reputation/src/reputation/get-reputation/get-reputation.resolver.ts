import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@payforward/contracts';
import { pageSize } from '../page-size.js';
import { decodeCursor } from '../reputation.read-model.js';
import { LedgerConnection, Reputation } from '../reputation.type.js';
import { GetLedgerQuery, GetReputationQuery } from './get-reputation.query.js';

/** Reads of the reputation projection: eventually consistent with the events behind it. */
@Resolver(() => Reputation)
export class GetReputationResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => Reputation, { nullable: true, description: 'Null until the projection has seen the member.' })
  reputation(@Args('memberId', { type: () => ID }) memberId: string): Promise<Reputation | null> {
    return this.queries.execute(new GetReputationQuery(memberId));
  }

  @ResolveField(() => LedgerConnection, { description: 'Newest first; every line names its rule, version and source event.' })
  ledger(
    @Parent() reputation: Reputation,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LedgerConnection> {
    const size = pageSize(first, 20);
    const cursor = after == null ? null : decodeCursor(after);
    if (after != null && !cursor) throw new DomainError('BAD_USER_INPUT', 'after is not a cursor of this list.', 'after');
    return this.queries.execute(new GetLedgerQuery(reputation.member.id, size, cursor));
  }
}
