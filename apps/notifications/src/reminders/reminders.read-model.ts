import type pg from 'pg';
import type { HelpKind } from '@payforward/contracts';
import { v5 as uuidv5 } from 'uuid';
import type { PlannedReminder, ReminderKind } from './reminder.rules.js';

type Db = pg.Pool | pg.ClientBase;

/** Namespace of reminder ids (UUIDv5), fixed forever. */
const REMINDER_NAMESPACE = '3b1f6c9e-52d4-5a0e-8f27-9c4e1d7a6b30';

/**
 * A reminder's id is derived from what it is and when it is due, so the same plan always has
 * the same id (the notification it fires is keyed by it: fired twice, stored once), and a
 * re-planned reminder (a moved session) gets a new id and may fire again for the new time.
 */
export const reminderId = (r: Pick<PlannedReminder, 'requestId' | 'kind' | 'recipientId' | 'dueAt'>): string =>
  uuidv5(`${r.requestId}|${r.kind}|${r.recipientId}|${r.dueAt.toISOString()}`, REMINDER_NAMESPACE);

export interface PlanContext {
  /** Whether each recipient is the request's mentor (decides the link of the notification). */
  mentorId: string;
  now: Date;
}

/**
 * Writes planned due times. A redelivered plan changes nothing; a plan with a new due time
 * (a move) replaces the row and makes it pending again with a new id.
 */
export async function planReminders(tx: pg.ClientBase, planned: readonly PlannedReminder[], { mentorId, now }: PlanContext): Promise<void> {
  for (const r of planned) {
    await tx.query({
      name: 'reminders-plan',
      text: `INSERT INTO reminders (id, kind, request_id, recipient_id, recipient_role, subject_id, help_kind, event_at, due_at, status, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10)
             ON CONFLICT (request_id, kind, recipient_id) DO UPDATE
               SET id = EXCLUDED.id, event_at = EXCLUDED.event_at, due_at = EXCLUDED.due_at, status = 'pending',
                   created_at = EXCLUDED.created_at, sent_at = NULL, cancelled_at = NULL
             WHERE reminders.due_at <> EXCLUDED.due_at`,
      values: [reminderId(r), r.kind, r.requestId, r.recipientId, r.recipientId === mentorId ? 'MENTOR' : 'SEEKER', r.subjectId, r.helpKind, r.eventAt, r.dueAt, now],
    });
  }
}

/** Cancels a request's pending reminders of these kinds (sent ones stay as they were). */
export async function cancelReminders(tx: pg.ClientBase, requestId: string, kinds: readonly ReminderKind[], at: Date): Promise<number> {
  const { rowCount } = await tx.query({
    name: 'reminders-cancel',
    text: `UPDATE reminders SET status = 'cancelled', cancelled_at = $3 WHERE request_id = $1 AND kind = ANY($2::text[]) AND status = 'pending'`,
    values: [requestId, kinds, at],
  });
  return rowCount ?? 0;
}

/** An erased member is reminded of nothing any more. */
export async function cancelRemindersTo(tx: pg.ClientBase, recipientId: string, at: Date): Promise<void> {
  await tx.query({
    name: 'reminders-cancel-recipient',
    text: `UPDATE reminders SET status = 'cancelled', cancelled_at = $2 WHERE recipient_id = $1 AND status = 'pending'`,
    values: [recipientId, at],
  });
}

export interface DueReminder {
  id: string;
  kind: ReminderKind;
  requestId: string;
  recipientId: string;
  recipientIsMentor: boolean;
  subjectId: string;
  helpKind: HelpKind;
  eventAt: Date;
  dueAt: Date;
}

interface DueRow {
  id: string;
  kind: ReminderKind;
  request_id: string;
  recipient_id: string;
  recipient_role: 'MENTOR' | 'SEEKER';
  subject_id: string;
  help_kind: HelpKind;
  event_at: Date;
  due_at: Date;
}

/**
 * Claims the next due pending reminder for the caller's transaction, skipping rows another
 * scheduler holds (SKIP LOCKED) and those this scan already failed on. The lock also makes a
 * concurrent cancel (an answer arriving) wait for this decision, then find nothing pending.
 */
export async function claimDueReminder(tx: pg.ClientBase, now: Date, skip: readonly string[]): Promise<DueReminder | null> {
  const { rows } = await tx.query<DueRow>({
    name: 'reminders-claim-due',
    text: `SELECT id, kind, request_id, recipient_id, recipient_role, subject_id, help_kind, event_at, due_at FROM reminders
            WHERE status = 'pending' AND due_at <= $1 AND NOT (id = ANY($2::uuid[]))
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    values: [now, skip],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    requestId: row.request_id,
    recipientId: row.recipient_id,
    recipientIsMentor: row.recipient_role === 'MENTOR',
    subjectId: row.subject_id,
    helpKind: row.help_kind,
    eventAt: row.event_at,
    dueAt: row.due_at,
  };
}

export async function finishReminder(tx: pg.ClientBase, id: string, outcome: 'sent' | 'cancelled', at: Date): Promise<void> {
  await tx.query({
    name: 'reminders-finish',
    text: `UPDATE reminders SET status = $2, sent_at = CASE WHEN $2 = 'sent' THEN $3::timestamptz END, cancelled_at = CASE WHEN $2 = 'cancelled' THEN $3::timestamptz END WHERE id = $1`,
    values: [id, outcome, at],
  });
}

export interface ReminderView {
  id: string;
  kind: ReminderKind;
  recipientId: string;
  dueAt: Date;
  status: 'pending' | 'sent' | 'cancelled';
}

/** A request's reminders (specs and support). */
export async function remindersOf(db: Db, requestId: string): Promise<ReminderView[]> {
  const { rows } = await db.query<{ id: string; kind: ReminderKind; recipient_id: string; due_at: Date; status: ReminderView['status'] }>({
    name: 'reminders-of',
    text: 'SELECT id, kind, recipient_id, due_at, status FROM reminders WHERE request_id = $1 ORDER BY due_at, kind, recipient_id',
    values: [requestId],
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, recipientId: r.recipient_id, dueAt: r.due_at, status: r.status }));
}
