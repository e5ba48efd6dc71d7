import type { HelpKind } from '@payforward/contracts';
import type { NotificationCategory, NotificationDraft } from '../rules/notification.rules.js';
import { NAME } from '../rules/notification.rules.js';

/** The three reminders of issue 11 §4. */
export const REMINDER_KINDS = ['EXPIRY_48H', 'SESSION_24H', 'SESSION_1H'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const HOUR = 3_600_000;

/** How long before the moment it concerns each reminder is due. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = {
  EXPIRY_48H: 48 * HOUR,
  SESSION_24H: 24 * HOUR,
  SESSION_1H: 1 * HOUR,
};

/** A reminder to plan: who, about which moment (expiry or session start), due when. */
export interface PlannedReminder {
  kind: ReminderKind;
  requestId: string;
  recipientId: string;
  /** The other party, named in the text (rendered from the member mirror). */
  subjectId: string;
  helpKind: HelpKind;
  eventAt: Date;
  dueAt: Date;
}

interface RequestParties {
  requestId: string;
  mentorId: string;
  seekerId: string;
  kind: HelpKind;
}

/**
 * Due times are kept only while they are still ahead: a reminder whose moment to be sent has
 * already passed when it is planned (a request submitted with less than 48 h to live, a session
 * accepted 30 minutes before it starts, a replay of old events) is not created at all.
 */
const ahead = (planned: PlannedReminder[], now: Date): PlannedReminder[] => planned.filter((r) => r.dueAt.getTime() > now.getTime());

/** On submission: the mentor is reminded 48 h before an unanswered request expires. */
export function expiryReminders(request: RequestParties, expiresAt: Date, now: Date): PlannedReminder[] {
  const dueAt = new Date(expiresAt.getTime() - REMINDER_LEAD_MS.EXPIRY_48H);
  return ahead([{ kind: 'EXPIRY_48H', requestId: request.requestId, recipientId: request.mentorId, subjectId: request.seekerId, helpKind: request.kind, eventAt: expiresAt, dueAt }], now);
}

/** On acceptance (or a move): both parties, 24 h and 1 h before the session starts. */
export function sessionReminders(request: RequestParties, scheduledAt: Date, now: Date): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const kind of ['SESSION_24H', 'SESSION_1H'] as const) {
    const dueAt = new Date(scheduledAt.getTime() - REMINDER_LEAD_MS[kind]);
    planned.push(
      { kind, requestId: request.requestId, recipientId: request.mentorId, subjectId: request.seekerId, helpKind: request.kind, eventAt: scheduledAt, dueAt },
      { kind, requestId: request.requestId, recipientId: request.seekerId, subjectId: request.mentorId, helpKind: request.kind, eventAt: scheduledAt, dueAt },
    );
  }
  return ahead(planned, now);
}

/** Which pending reminders of a request an event ends (null: none). */
export function remindersEndedBy(eventType: string): readonly ReminderKind[] | null {
  switch (eventType) {
    // Answered, withdrawn or expired: nobody needs reminding to answer any more.
    case 'HelpRequestAccepted':
    case 'HelpRequestDeclined':
    case 'HelpRequestWithdrawn':
    case 'HelpRequestExpired':
      return ['EXPIRY_48H'];
    // The session is over (or will not happen): no "starts in 1 hour" after it.
    case 'HelpRequestCompleted':
    case 'NoShowReported':
    case 'IntroDeclined':
      return ['EXPIRY_48H', 'SESSION_24H', 'SESSION_1H'];
    default:
      return null;
  }
}

/**
 * A due reminder is still worth sending only before the moment it announces: a scheduler that
 * was down past a session's start does not send "starts in 1 hour" afterwards (it is dropped).
 */
export const stillTimely = (eventAt: Date, now: Date): boolean => now.getTime() < eventAt.getTime();

const KIND_PHRASE: Record<HelpKind, string> = {
  ADVICE_CALL: 'advice call',
  RESUME_REVIEW: 'résumé review',
  MOCK_INTERVIEW: 'mock interview',
  INTRO: 'introduction',
  REFERRAL: 'referral',
};

/** "Tue 27 Oct, 14:00" in the member's zone (an unknown zone falls back to UTC, and says so). */
export function localTime(at: Date, timezone: string): { text: string; zone: string } {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  try {
    return { text: format(timezone), zone: timezone };
  } catch {
    return { text: format('UTC'), zone: 'UTC' };
  }
}

export interface ReminderToSend {
  kind: ReminderKind;
  recipientId: string;
  subjectId: string;
  helpKind: HelpKind;
  eventAt: Date;
  /** Whether the recipient is the request's mentor (decides the link). */
  recipientIsMentor: boolean;
}

export const REMINDER_CATEGORY: Record<ReminderKind, NotificationCategory> = {
  EXPIRY_48H: 'REMINDERS',
  SESSION_24H: 'SESSIONS',
  SESSION_1H: 'SESSIONS',
};

/** The in-app text of a due reminder, times in the recipient's zone; the other party by name slot only. */
export function reminderNotification(reminder: ReminderToSend, timezone: string): NotificationDraft {
  const when = localTime(reminder.eventAt, timezone);
  const at = `${when.text} (${when.zone})`;
  const what = KIND_PHRASE[reminder.helpKind];
  const template =
    reminder.kind === 'EXPIRY_48H'
      ? `${NAME}'s request for ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} expires in 48 hours, on ${at}. A short answer, yes or no, helps them move on.`
      : `Your ${what} with ${NAME} starts in ${reminder.kind === 'SESSION_24H' ? '24 hours' : '1 hour'}, on ${at}.`;
  return {
    recipientId: reminder.recipientId,
    category: REMINDER_CATEGORY[reminder.kind],
    template,
    subjectId: reminder.subjectId,
    link: reminder.recipientIsMentor ? '/dashboard' : '/requests',
  };
}
