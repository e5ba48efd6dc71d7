import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@payforward/contracts';
import { isUuid } from '../reputation.read-model.js';
import { LedgerConnection, MemberReference, Reputation } from '../reputation.type.js';
import { GetLedgerQuery, GetReputationQuery } from './get-reputation.query.js';

const MAX_PAGE = 100;

/** Reads of the reputation projection: eventually consistent with the events behind it. */
@Resolver(() => Reputation)
export class ReputationResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => Reputation, { nullable: true, description: 'Null until the projection has seen the member.' })
  reputation(@Args('memberId', { type: () => ID }) memberId: string): Promise<Reputation | null> {
    return this.queries.execute(new GetReputationQuery(memberId));
  }

  @ResolveField(() => LedgerConnection)
  ledger(
    @Parent() reputation: Reputation,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LedgerConnection> {
    const size = first ?? 20;
    if (size < 1 || size > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE}.`, 'first');
    if (after != null && !isUuid(after)) throw new DomainError('BAD_USER_INPUT', 'after is not a cursor of this list.', 'after');
    return this.queries.execute(new GetLedgerQuery(reputation.member.id, size, after ?? null));
  }
}

/** `Member.reputation`: the gateway asks this subgraph with the member's key. */
@Resolver(() => MemberReference)
export class MemberReputationResolver {
  constructor(private readonly queries: QueryBus) {}

  @ResolveField(() => Reputation, { nullable: true })
  reputation(@Parent() member: MemberReference): Promise<Reputation | null> {
    return this.queries.execute(new GetReputationQuery(member.id));
  }
}
