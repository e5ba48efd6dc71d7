import type pg from 'pg';
import type { HelpKind } from '@payforward/contracts';

type Db = pg.Pool | pg.ClientBase;

/** How a session stands: SCHEDULED until it is completed, reported a no-show, or called off. */
export type SessionStatus = 'SCHEDULED' | 'COMPLETED' | 'NO_SHOW' | 'CANCELLED';

export interface Session {
  requestId: string;
  offerId: string;
  mentorId: string;
  seekerId: string;
  kind: HelpKind;
  scheduledAt: Date;
  durationMinutes: number;
  status: SessionStatus;
  /** The invite's iCalendar SEQUENCE: 0 when accepted, +1 on every change. */
  sequence: number;
  updatedAt: Date;
}

interface Row {
  request_id: string;
  offer_id: string;
  mentor_id: string;
  seeker_id: string;
  kind: HelpKind;
  scheduled_at: Date;
  duration_minutes: number;
  status: SessionStatus;
  sequence: number;
  updated_at: Date;
}

const toSession = (row: Row): Session => ({
  requestId: row.request_id,
  offerId: row.offer_id,
  mentorId: row.mentor_id,
  seekerId: row.seeker_id,
  kind: row.kind,
  scheduledAt: row.scheduled_at,
  durationMinutes: row.duration_minutes,
  status: row.status,
  sequence: row.sequence,
  updatedAt: row.updated_at,
});

export interface OpenedSession {
  requestId: string;
  offerId: string;
  mentorId: string;
  seekerId: string;
  kind: HelpKind;
  scheduledAt: string;
  durationMinutes: number;
  at: string;
}

/** An accepted scheduled request becomes a session (a redelivered acceptance changes nothing). */
export async function openSession(tx: pg.ClientBase, s: OpenedSession): Promise<void> {
  await tx.query({
    name: 'sessions-open',
    text: `INSERT INTO sessions (request_id, offer_id, mentor_id, seeker_id, kind, scheduled_at, duration_minutes, status, sequence, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'SCHEDULED', 0, $8) ON CONFLICT (request_id) DO NOTHING`,
    values: [s.requestId, s.offerId, s.mentorId, s.seekerId, s.kind, s.scheduledAt, s.durationMinutes, s.at],
  });
}

/** A scheduled session ends (completed, no-show, called off); SEQUENCE rises. False when it was not scheduled. */
export async function endSession(tx: pg.ClientBase, requestId: string, status: Exclude<SessionStatus, 'SCHEDULED'>, at: string): Promise<boolean> {
  const { rowCount } = await tx.query({
    name: 'sessions-end',
    text: `UPDATE sessions SET status = $2, sequence = sequence + 1, updated_at = $3 WHERE request_id = $1 AND status = 'SCHEDULED'`,
    values: [requestId, status, at],
  });
  return (rowCount ?? 0) > 0;
}

/**
 * A scheduled session moves to a new start; SEQUENCE rises so calendars replace the old entry.
 * No marketplace event moves a session yet (the contract's reschedule is future work): the
 * consumer calls this once one exists, and re-plans the session reminders with it.
 */
export async function moveSession(tx: pg.ClientBase, requestId: string, scheduledAt: string, at: string): Promise<Session | null> {
  const { rows } = await tx.query<Row>({
    name: 'sessions-move',
    text: `UPDATE sessions SET scheduled_at = $2, sequence = sequence + 1, updated_at = $3
           WHERE request_id = $1 AND status = 'SCHEDULED' AND scheduled_at <> $2 RETURNING *`,
    values: [requestId, scheduledAt, at],
  });
  return rows[0] ? toSession(rows[0]) : null;
}

export async function findSession(db: Db, requestId: string): Promise<Session | null> {
  const { rows } = await db.query<Row>({ name: 'sessions-find', text: 'SELECT * FROM sessions WHERE request_id = $1', values: [requestId] });
  return rows[0] ? toSession(rows[0]) : null;
}

/** A member's sessions (either side) still scheduled and not yet over, soonest first. */
export async function upcomingSessionsOf(db: Db, memberId: string, now: Date, limit = 200): Promise<Session[]> {
  const { rows } = await db.query<Row>({
    name: 'sessions-upcoming',
    text: `SELECT * FROM sessions
            WHERE (mentor_id = $1 OR seeker_id = $1) AND status = 'SCHEDULED'
              AND scheduled_at + make_interval(mins => duration_minutes) > $2
            ORDER BY scheduled_at, request_id LIMIT $3`,
    values: [memberId, now, limit],
  });
  return rows.map(toSession);
}

/** The member's time zone as identity last told it (UTC until known). */
export async function recordMemberZone(tx: pg.ClientBase, memberId: string, timezone: string): Promise<void> {
  await tx.query({
    name: 'sessions-record-zone',
    text: `INSERT INTO calendar_member_zones (member_id, timezone) VALUES ($1, $2)
           ON CONFLICT (member_id) DO UPDATE SET timezone = EXCLUDED.timezone`,
    values: [memberId, timezone],
  });
}

export async function zoneOf(db: Db, memberId: string): Promise<string> {
  const { rows } = await db.query<{ timezone: string }>({ name: 'sessions-zone-of', text: 'SELECT timezone FROM calendar_member_zones WHERE member_id = $1', values: [memberId] });
  return rows[0]?.timezone ?? 'UTC';
}
