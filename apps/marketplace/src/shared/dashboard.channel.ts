/** The PostgreSQL NOTIFY channel carrying "this mentor's dashboard changed" (payload: the mentor id). */
export const DASHBOARD_CHANNEL = 'marketplace_dashboard';

/** The Mercurius pubsub topic of one mentor's dashboard. */
export const dashboardTopic = (mentorId: string): string => `mentor-dashboard.${mentorId}`;
