import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, type Viewer } from '@payforward/platform';
import { requireAdmin } from '../admin/admin.auth.js';
import { GetProjectionsQuery } from './get-projections/get-projections.query.js';
import { ProjectionStatus } from './projection-status.type.js';
import { RebuildProjectionCommand } from './rebuild-projection/rebuild-projection.command.js';

@Resolver(() => ProjectionStatus)
export class ProjectionsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Query(() => [ProjectionStatus], { description: 'Admin only: lag, last event time and rebuild progress of each projection.' })
  projections(@CurrentViewer() viewer: Viewer | null): Promise<ProjectionStatus[]> {
    requireAdmin(viewer);
    return this.queries.execute(new GetProjectionsQuery());
  }

  @Mutation(() => ProjectionStatus, {
    description: 'Admin only: rebuilds the projection from the stored facts into fresh tables and swaps them in atomically; reads keep being served. Answers once started.',
  })
  rebuildProjection(@Args('name') name: string, @CurrentViewer() viewer: Viewer | null): Promise<ProjectionStatus> {
    requireAdmin(viewer);
    return this.commands.execute(new RebuildProjectionCommand(name));
  }
}
