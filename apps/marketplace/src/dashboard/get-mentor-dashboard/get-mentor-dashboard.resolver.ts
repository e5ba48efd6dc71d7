import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { MentorDashboard } from '../mentor-dashboard.type.js';
import { GetMentorDashboardQuery } from './get-mentor-dashboard.query.js';

@Resolver(() => MentorDashboard)
export class GetMentorDashboardResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => MentorDashboard, { description: "The signed-in mentor's offers with their load, pending requests, upcoming sessions and availability." })
  mentorDashboard(@CurrentViewer() viewer: Viewer | null): Promise<MentorDashboard> {
    return this.queries.execute(new GetMentorDashboardQuery(requireViewer(viewer, 'see your dashboard').memberId));
  }
}
