import type { ServiceConfig } from '@payforward/platform';
import type { EmailSettings } from './email/email.settings.js';

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

export interface NotificationsSettings {
  config: ServiceConfig;
  /** NOTIFICATIONS_CONSUMER_GROUP; versioned so a rewrite of the rules can start a fresh group from the topics' start. */
  groupId: string;
  /** Topics consumed (specs give unique ones so runs never share a topic). */
  topics: { identity: string; helpRequest: string; reputation: string; flags: string };
  /** false: only ensure the topics (specs that drive the read model directly). */
  consume: boolean;
  /** Links, sender address and the unsubscribe key (email.settings.ts). */
  email: EmailSettings;
  /** The MailSender: whether this instance sends (specs may drain themselves), where to, how often it looks. */
  mail: { send: boolean; smtpUrl?: string; pollIntervalMs: number };
  /** The daily digest job (digest.job.ts): local hour it is sent at, how often it looks, whether it runs. */
  digest: { hour: number; intervalMs: number; run: boolean };
  /** The clock of quiet hours and digests (specs move it). */
  now: () => Date;
}
