import { Args, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, type Viewer } from '@payforward/platform';
import { requireAdmin } from '../../admin/admin.auth.js';
import { FlagStatus, ReputationFlagView } from '../flag.type.js';
import { GetFlagsQuery } from './get-flags.query.js';

@Resolver(() => ReputationFlagView)
export class GetFlagsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [ReputationFlagView], { description: 'Admin only: the review queue, oldest first, with the evidence.' })
  reputationFlags(
    @Args('status', { type: () => FlagStatus, nullable: true }) status: FlagStatus | null | undefined,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ReputationFlagView[]> {
    requireAdmin(viewer);
    return this.queries.execute(new GetFlagsQuery(status ?? null));
  }
}
