/**
 * Every Kafka topic the system uses, in one registry. Names are `<context>.<stream>.v<N>`:
 * a breaking change to a stream's events gets a new topic rather than surprising old consumers.
 * Topics are created by the project (auto-create is off on the broker).
 */
export const TOPICS = {
  identityMember: 'identity.member.v1',
  marketplaceOffer: 'marketplace.offer.v1',
  marketplaceAvailability: 'marketplace.availability.v1',
  marketplaceHelpRequest: 'marketplace.help-request.v1',
  marketplaceRelationship: 'marketplace.relationship.v1',
  reputationAdmin: 'reputation.admin.v1',
  reputationFlags: 'reputation.flags.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicSpec {
  name: string;
  partitions: number;
}

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: TOPICS.identityMember, partitions: 3 },
  { name: TOPICS.marketplaceOffer, partitions: 3 },
  { name: TOPICS.marketplaceAvailability, partitions: 3 },
  { name: TOPICS.marketplaceHelpRequest, partitions: 3 },
  { name: TOPICS.marketplaceRelationship, partitions: 3 },
  // One stream (reputation-admin), so one partition keeps it whole.
  { name: TOPICS.reputationAdmin, partitions: 1 },
  // One stream per flag: partitioned by flag, order only matters within one.
  { name: TOPICS.reputationFlags, partitions: 3 },
];

/** One dead-letter topic per consumer group, so a poison message never blocks the group. */
export const deadLetterTopic = (groupId: string): string => `dlq.${groupId}.v1`;
