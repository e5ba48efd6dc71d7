import type { HelpKind } from '@payforward/contracts';
import type { ReminderEmailDraft, ReminderMailer } from '../reminders/reminder.mailer.js';
import { KIND_PHRASE } from '../rules/notification.rules.js';
import { deliverEmail, type EmailDraft } from './deliver-email.js';

const LEAD: Record<string, string> = { 'reminder.session-24h': 'in 24 hours', 'reminder.session-1h': 'in 1 hour' };

/** A fired reminder as the e-mail channel's draft: the expiry reminder and the two session reminders have templates of their own. */
export function reminderEmail(draft: ReminderEmailDraft): EmailDraft {
  // "Your advice call with …": the phrase without its article.
  const kind = (KIND_PHRASE[draft.vars.helpKind as HelpKind] ?? 'session').replace(/^an? /, '');
  const base = { recipientId: draft.recipientId, category: draft.category, sourceEventId: draft.sourceEventId, subjectId: draft.subjectId, link: draft.link };
  if (draft.kind === 'reminder.expiry-48h') return { ...base, kind: 'request-expiring', vars: { expiresAt: draft.vars.at ?? '', kind } };
  return { ...base, kind: 'session-reminder', vars: { scheduledAt: draft.vars.at ?? '', kind, lead: LEAD[draft.kind] ?? '' } };
}

/** Reminders go by e-mail through the same preferences, quiet hours, digests and outbox as every trigger. */
export const reminderEmailMailer: ReminderMailer = {
  send: async (tx, draft) => {
    await deliverEmail(tx, reminderEmail(draft));
  },
};
