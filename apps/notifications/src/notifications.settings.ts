import type { ServiceConfig } from '@payforward/platform';

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

export interface NotificationsSettings {
  config: ServiceConfig;
  /** NOTIFICATIONS_CONSUMER_GROUP; versioned so a rewrite of the rules can start a fresh group from the topics' start. */
  groupId: string;
  /** Topics consumed (specs give unique ones so runs never share a topic). */
  topics: { identity: string; helpRequest: string; reputation: string; flags: string };
  /** false: only ensure the topics (specs that drive the read model directly). */
  consume: boolean;
}
