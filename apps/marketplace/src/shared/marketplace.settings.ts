import type { ServiceConfig } from '@payforward/platform';

export const MARKETPLACE_SETTINGS = Symbol('MARKETPLACE_SETTINGS');

export interface MarketplaceSettings {
  config: ServiceConfig;
  /** Identity's member events; specs pass a topic of their own. */
  identityTopic: string;
  /** The group reading them; versioned so a rewrite of the projection can start over from the beginning. */
  membersGroupId: string;
  /** Off in specs that seed `members` directly and need no consumer group. */
  consumeIdentity: boolean;
  /** The topic of each event type: the contracts' registry, or per-spec topics in tests. */
  topicFor: (type: string) => string;
}
