import type pg from 'pg';
import type { DeclineReason, HelpKind, Party, ReferralOutcome, RequestStatus } from '@payforward/contracts';
import { memberRef } from '../shared/member.reference.js';
import type { HelpRequest } from './help-request.type.js';

type Db = pg.Pool | pg.ClientBase;

interface HelpRequestRow {
  id: string;
  offer_id: string;
  mentor_id: string;
  seeker_id: string;
  kind: HelpKind;
  status: RequestStatus;
  message: string;
  goal: string;
  intro_target_id: string | null;
  intro_consent: boolean | null;
  duration_minutes: number | null;
  scheduled_at: Date | null;
  decline_reason: DeclineReason | null;
  decline_note: string | null;
  guidance: string | null;
  vouch_statement: string | null;
  referral_outcome: ReferralOutcome | null;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, offer_id, mentor_id, seeker_id, kind, status, message, goal, intro_target_id, intro_consent, duration_minutes,
  scheduled_at, decline_reason, decline_note, guidance, vouch_statement, referral_outcome, expires_at, created_at, updated_at`;

const toHelpRequest = (r: HelpRequestRow): HelpRequest => ({
  id: r.id,
  offerId: r.offer_id,
  mentor: memberRef(r.mentor_id),
  seeker: memberRef(r.seeker_id),
  kind: r.kind,
  status: r.status,
  message: r.message,
  goal: r.goal,
  scheduledAt: r.scheduled_at,
  durationMinutes: r.duration_minutes,
  declineReason: r.decline_reason,
  declineNote: r.decline_note,
  guidance: r.guidance,
  vouchStatement: r.vouch_statement,
  referralOutcome: r.referral_outcome,
  introTarget: r.intro_target_id ? memberRef(r.intro_target_id) : null,
  introConsent: r.intro_consent,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function findHelpRequest(db: Db, id: string): Promise<HelpRequest | null> {
  const { rows } = await db.query<HelpRequestRow>({ name: 'marketplace-find-request', text: `SELECT ${COLUMNS} FROM help_requests WHERE id = $1`, values: [id] });
  return rows[0] ? toHelpRequest(rows[0]) : null;
}

/** The caller's requests on one side, newest first, optionally of some statuses only. */
export async function requestsOf(db: Db, memberId: string, as: Party, statuses: readonly RequestStatus[] | null): Promise<HelpRequest[]> {
  const column = as === 'MENTOR' ? 'mentor_id' : 'seeker_id';
  const { rows } = await db.query<HelpRequestRow>({
    name: `marketplace-requests-of-${column}`,
    text: `SELECT ${COLUMNS} FROM help_requests WHERE ${column} = $1 AND ($2::text[] IS NULL OR status = ANY ($2)) ORDER BY created_at DESC, id DESC`,
    values: [memberId, statuses],
  });
  return rows.map(toHelpRequest);
}

/**
 * Intros the mentor accepted whose target is `targetId` and who has not answered yet, oldest first
 * (the longest wait first). Only these can be answered: before acceptance the mentor has not
 * agreed to introduce anyone, and an answer is final.
 */
export async function introsAwaiting(db: Db, targetId: string): Promise<HelpRequest[]> {
  const { rows } = await db.query<HelpRequestRow>({
    name: 'marketplace-intros-awaiting',
    text: `SELECT ${COLUMNS} FROM help_requests
           WHERE intro_target_id = $1 AND kind = 'INTRO' AND status = 'ACCEPTED' AND intro_consent IS NULL
           ORDER BY updated_at, id`,
    values: [targetId],
  });
  return rows.map(toHelpRequest);
}

/** A mentor's pending requests, oldest first: the ones waiting longest come first on the dashboard. */
export async function pendingFor(db: Db, mentorId: string): Promise<HelpRequest[]> {
  const { rows } = await db.query<HelpRequestRow>({
    name: 'marketplace-pending-for',
    text: `SELECT ${COLUMNS} FROM help_requests WHERE mentor_id = $1 AND status = 'SUBMITTED' ORDER BY created_at, id`,
    values: [mentorId],
  });
  return rows.map(toHelpRequest);
}

/** Accepted sessions starting in [from, to), soonest first. */
export async function sessionsBetween(db: Db, mentorId: string, from: Date, to: Date): Promise<HelpRequest[]> {
  const { rows } = await db.query<HelpRequestRow>({
    name: 'marketplace-sessions-between',
    text: `SELECT ${COLUMNS} FROM help_requests
           WHERE mentor_id = $1 AND status = 'ACCEPTED' AND scheduled_at >= $2 AND scheduled_at < $3
           ORDER BY scheduled_at, id`,
    values: [mentorId, from, to],
  });
  return rows.map(toHelpRequest);
}

/** Whether [start, end) overlaps another accepted session of this mentor. */
export async function overlapsAcceptedSession(db: Db, mentorId: string, start: Date, end: Date): Promise<boolean> {
  const { rows } = await db.query({
    name: 'marketplace-session-overlap',
    text: `SELECT 1 FROM help_requests
           WHERE mentor_id = $1 AND status = 'ACCEPTED' AND scheduled_at IS NOT NULL
             AND scheduled_at < $3 AND scheduled_at + make_interval(mins => coalesce(duration_minutes, 0)) > $2
           LIMIT 1`,
    values: [mentorId, start, end],
  });
  return rows.length > 0;
}

/** Advisory-lock namespace serializing one mentor's scheduled accepts (two accepts must not book overlapping slots). */
const SCHEDULE_LOCK_NAMESPACE = 0x50460101;

/** Held to commit: a second scheduled accept of this mentor's waits here, then sees the first session as booked. */
export async function lockMentorSchedule(tx: pg.ClientBase, mentorId: string): Promise<void> {
  await tx.query({ name: 'marketplace-schedule-lock', text: 'SELECT pg_advisory_xact_lock($1, hashtext($2))', values: [SCHEDULE_LOCK_NAMESPACE, mentorId] });
}
