import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@payforward/contracts';
import { GetLedgerQuery, GetReputationQuery } from './get-reputation/get-reputation.query.js';
import { LeaderboardQuery } from './leaderboard/leaderboard.query.js';
import { ReputationLoaders } from './reputation.loaders.js';
import { decodeCursor } from './reputation.read-model.js';
import { LedgerConnection, MemberReference, Reputation } from './reputation.type.js';

const MAX_PAGE = 100;

const pageSize = (first: number | null | undefined, fallback: number): number => {
  const size = first ?? fallback;
  if (size < 1 || size > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE}.`, 'first');
  return size;
};

/** Reads of the reputation projection: eventually consistent with the events behind it. */
@Resolver(() => Reputation)
export class ReputationResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => Reputation, { nullable: true, description: 'Null until the projection has seen the member.' })
  reputation(@Args('memberId', { type: () => ID }) memberId: string): Promise<Reputation | null> {
    return this.queries.execute(new GetReputationQuery(memberId));
  }

  @Query(() => [Reputation], { description: 'Highest score first (ties by member id); first defaults to 10, at most 100.' })
  leaderboard(@Args('first', { type: () => Int, nullable: true }) first?: number | null): Promise<Reputation[]> {
    return this.queries.execute(new LeaderboardQuery(pageSize(first, 10)));
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

/** `Member.reputation`: the gateway asks with every member reference of a response at once; one query answers them all. */
@Resolver(() => MemberReference)
export class MemberReputationResolver {
  constructor(private readonly loaders: ReputationLoaders) {}

  @ResolveField(() => Reputation, { nullable: true })
  reputation(@Parent() member: MemberReference, @Context() context: object): Promise<Reputation | null> {
    return this.loaders.of(context).load(member.id);
  }
}
