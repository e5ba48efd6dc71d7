import { Query } from '@nestjs/cqrs';
import type { MentorDashboard } from '../mentor-dashboard.type.js';

export class GetMentorDashboardQuery extends Query<MentorDashboard> {
  constructor(readonly mentorId: string) {
    super();
  }
}
