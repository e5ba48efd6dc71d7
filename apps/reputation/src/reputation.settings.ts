import type { ServiceConfig } from '@payforward/platform';

export const REPUTATION_SETTINGS = Symbol('REPUTATION_SETTINGS');

/** Where a rebuild stands, for the `projections` query and for specs that hold a rebuild mid-way. */
export interface RebuildProgress {
  rebuilt: number;
  total: number;
}

export interface ReputationSettings {
  config: ServiceConfig;
  /** The consumer group; versioned so a projection rewrite can start a fresh group from the beginning. */
  groupId: string;
  /** Topics consumed (specs give unique ones so runs never share a topic). */
  topics: { identity: string; helpRequest: string; admin: string };
  /** Where the admin stream's events are published (default: the contracts' registry). */
  topicFor: (type: string) => string;
  /** Run the outbox relay of the admin stream in this process. */
  relay: boolean;
  /** Facts per rebuild batch: progress is reported after each. */
  rebuildBatchSize: number;
  /** Awaited after each rebuild batch (specs hold a rebuild mid-way with it; production: none). */
  rebuildCheckpoint?: (progress: RebuildProgress) => Promise<void>;
  /** How long an admin mutation waits for the projection to show its decision before answering. */
  adminReadYourWritesMs: number;
}
