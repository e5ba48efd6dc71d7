import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, type Viewer } from '@payforward/platform';
import { requireAdmin } from '../../admin/admin.auth.js';
import { ProjectionStatus } from '../projection-status.type.js';
import { GetProjectionsQuery } from './get-projections.query.js';

@Resolver(() => ProjectionStatus)
export class GetProjectionsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [ProjectionStatus], { description: 'Admin only: lag, last event time and rebuild progress of each projection.' })
  projections(@CurrentViewer() viewer: Viewer | null): Promise<ProjectionStatus[]> {
    requireAdmin(viewer);
    return this.queries.execute(new GetProjectionsQuery());
  }
}
