import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentViewer, type Viewer } from '@payforward/platform';
import { requireAdmin } from '../../admin/admin.auth.js';
import { ProjectionStatus } from '../projection-status.type.js';
import { RebuildProjectionCommand } from './rebuild-projection.command.js';

@Resolver(() => ProjectionStatus)
export class RebuildProjectionResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => ProjectionStatus, {
    description: 'Admin only: rebuilds the projection from the stored facts into fresh tables and swaps them in atomically; reads keep being served. Answers once started.',
  })
  rebuildProjection(@Args('name') name: string, @CurrentViewer() viewer: Viewer | null): Promise<ProjectionStatus> {
    requireAdmin(viewer);
    return this.commands.execute(new RebuildProjectionCommand(name));
  }
}
