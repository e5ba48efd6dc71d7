import type { Provider } from '@nestjs/common';
import { DashboardNotifier } from './dashboard.notifier.js';
import { GetMentorDashboardHandler } from './get-mentor-dashboard/get-mentor-dashboard.handler.js';
import { GetMentorDashboardResolver } from './get-mentor-dashboard/get-mentor-dashboard.resolver.js';
import { MentorDashboardChangedResolver } from './mentor-dashboard-changed/mentor-dashboard-changed.resolver.js';

/** The mentor dashboard: its query, its subscription and the notifier feeding it (DASHBOARD_DATABASE comes from the module). */
export const DASHBOARD_PROVIDERS: Provider[] = [GetMentorDashboardResolver, GetMentorDashboardHandler, MentorDashboardChangedResolver, DashboardNotifier];
