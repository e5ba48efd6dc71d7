import type pg from 'pg';
import type {
  EventEnvelope,
  HelpRequestAcceptedData,
  HelpRequestSubmittedData,
  MemberErasedData,
  MemberRegisteredData,
} from '@payforward/contracts';
import { revokeFeedTokens } from '../calendar/feed-tokens.read-model.js';
import { expiryReminders, remindersEndedBy, sessionReminders } from '../reminders/reminder.rules.js';
import { cancelReminders, cancelRemindersTo, planReminders } from '../reminders/reminders.read-model.js';
import { endSession, moveSession, openSession, recordMemberZone, type SessionStatus } from './sessions.read-model.js';

/** How each ending event leaves a session. */
const SESSION_ENDINGS: Readonly<Record<string, Exclude<SessionStatus, 'SCHEDULED'>>> = {
  HelpRequestCompleted: 'COMPLETED',
  NoShowReported: 'NO_SHOW',
  IntroDeclined: 'CANCELLED',
};

/**
 * Sessions, reminders and the calendar's member data, from one consumed event in the consumer's
 * transaction (so it is applied exactly once with the event's processed id). `now` is the
 * service clock: due times already past when planned are not created (a replay of old events
 * plans nothing that would fire at once).
 */
export async function projectSessionEvent(envelope: EventEnvelope, tx: pg.ClientBase, now: Date): Promise<void> {
  switch (envelope.type) {
    case 'MemberRegistered':
    case 'MemberProfileUpdated': {
      const { memberId, timezone } = envelope.data as Pick<MemberRegisteredData, 'memberId' | 'timezone'>;
      await recordMemberZone(tx, memberId, timezone);
      return;
    }
    case 'MemberErased': {
      const { memberId } = envelope.data as MemberErasedData;
      await cancelRemindersTo(tx, memberId, now);
      await revokeFeedTokens(tx, memberId, now);
      return;
    }
    case 'HelpRequestSubmitted': {
      const d = envelope.data as HelpRequestSubmittedData;
      await planReminders(tx, expiryReminders(d, new Date(d.expiresAt), now), { mentorId: d.mentorId, now });
      return;
    }
    case 'HelpRequestAccepted': {
      const d = envelope.data as HelpRequestAcceptedData;
      await cancelReminders(tx, d.requestId, remindersEndedBy(envelope.type) ?? [], now);
      if (!d.scheduledAt || !d.durationMinutes) return;
      await openSession(tx, { ...d, scheduledAt: d.scheduledAt, durationMinutes: d.durationMinutes, at: envelope.occurredAt });
      await planReminders(tx, sessionReminders(d, new Date(d.scheduledAt), now), { mentorId: d.mentorId, now });
      return;
    }
    default: {
      const ended = remindersEndedBy(envelope.type);
      if (!ended) return;
      // Every help-request event names its request (help-request.events.ts).
      const { requestId } = envelope.data as unknown as { requestId: string };
      await cancelReminders(tx, requestId, ended, now);
      const ending = SESSION_ENDINGS[envelope.type];
      if (ending) await endSession(tx, requestId, ending, envelope.occurredAt);
    }
  }
}

/**
 * A session moves: its SEQUENCE rises (the next invite replaces the calendar entry) and its
 * reminders are planned again for the new start (new due times, new ids, so they fire again;
 * those already past for the new start are not created). No marketplace event moves a session
 * yet: the consumer calls this from that event once it exists. False when nothing moved.
 */
export async function rescheduleSession(tx: pg.ClientBase, requestId: string, scheduledAt: Date, at: string, now: Date): Promise<boolean> {
  const moved = await moveSession(tx, requestId, scheduledAt.toISOString(), at);
  if (!moved) return false;
  await cancelReminders(tx, requestId, ['SESSION_24H', 'SESSION_1H'], now);
  await planReminders(tx, sessionReminders(moved, scheduledAt, now), { mentorId: moved.mentorId, now });
  return true;
}
