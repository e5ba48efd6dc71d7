import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { pageSize } from '../page-size.js';
import { Reputation } from '../reputation.type.js';
import { LeaderboardQuery } from './leaderboard.query.js';

@Resolver(() => Reputation)
export class LeaderboardResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [Reputation], { description: 'Highest score first (ties by member id); first defaults to 10, at most 100.' })
  leaderboard(@Args('first', { type: () => Int, nullable: true }) first?: number | null): Promise<Reputation[]> {
    return this.queries.execute(new LeaderboardQuery(pageSize(first, 10)));
  }
}
