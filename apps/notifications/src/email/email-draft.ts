import type { NotificationCategory } from '../rules/notification.rules.js';

/** One e-mail a trigger asks for (seams §3); deliverEmail decides whether, when and how it goes. */
export interface EmailDraft {
  recipientId: string;
  category: NotificationCategory;
  /** The event that caused it (a deterministic UUIDv5 for reminders): with the recipient, the mail's dedupe key. */
  sourceEventId: string;
  /** Template key (email.templates.ts). */
  kind: string;
  /** The other party, named from the member mirror when the mail is written. */
  subjectId: string | null;
  /** Template values: never names, addresses or sealed texts. */
  vars: Record<string, string>;
  /** A web client path (/requests) or null. */
  link: string | null;
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string };
}
