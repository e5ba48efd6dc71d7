import type pg from 'pg';
import type { HelpKind } from '@payforward/contracts';
import { findSession, upcomingSessionsOf, zoneOf, type Session } from '../sessions/sessions.read-model.js';
import { buildSessionFeed, buildSessionInvite, type SessionInviteInput } from './session-invite.builder.js';

type Db = pg.Pool | pg.ClientBase;

const KIND_TITLE: Record<HelpKind, string> = {
  ADVICE_CALL: 'Advice call',
  RESUME_REVIEW: 'Résumé review',
  MOCK_INTERVIEW: 'Mock interview',
  INTRO: 'Introduction',
  REFERRAL: 'Referral',
};

/** Display names from the member mirror (erased members read "Erased member"; unknown ones "A member"). */
async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; display_name: string }>({
    name: 'calendar-names',
    text: 'SELECT id, display_name FROM members WHERE id = ANY($1::uuid[])',
    values: [ids],
  });
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

function eventOf(session: Session, viewerId: string, names: Map<string, string>, timezone: string): Omit<SessionInviteInput, 'method'> {
  const name = (id: string) => names.get(id) ?? 'A member';
  const other = viewerId === session.mentorId ? session.seekerId : session.mentorId;
  return {
    requestId: session.requestId,
    sequence: session.sequence,
    start: session.scheduledAt,
    durationMinutes: session.durationMinutes,
    organizer: { name: name(session.mentorId) },
    attendee: { name: name(session.seekerId) },
    summary: `${KIND_TITLE[session.kind]} with ${name(other)} (Payforward)`,
    timezone,
    // Stable between fetches of an unchanged session, so a calendar sees nothing new.
    stamp: session.updatedAt,
  };
}

/** The member's private feed: their upcoming sessions, names and local times as of now. */
export async function calendarFeedOf(db: Db, memberId: string, now: Date): Promise<string> {
  const sessions = await upcomingSessionsOf(db, memberId, now);
  const names = await namesOf(db, [...new Set(sessions.flatMap((s) => [s.mentorId, s.seekerId]))]);
  const timezone = await zoneOf(db, memberId);
  return buildSessionFeed('Payforward sessions', sessions.map((s) => eventOf(s, memberId, names, timezone)));
}

/**
 * The invite a session's mail carries for one recipient (seams §3 `icalEvent`): REQUEST while
 * it is scheduled, CANCEL once it is called off; null for a request without a session or one
 * already over (completed, no-show: nothing to put in a calendar). The
 * accepted-request mail attaches it: `icalEvent: await sessionInviteFor(tx, requestId, seekerId)`.
 */
export async function sessionInviteFor(db: Db, requestId: string, recipientId: string): Promise<{ method: 'REQUEST' | 'CANCEL'; content: string } | null> {
  const session = await findSession(db, requestId);
  if (!session || (recipientId !== session.mentorId && recipientId !== session.seekerId)) return null;
  if (session.status !== 'SCHEDULED' && session.status !== 'CANCELLED') return null;
  const method = session.status === 'SCHEDULED' ? 'REQUEST' : 'CANCEL';
  const names = await namesOf(db, [session.mentorId, session.seekerId]);
  const content = buildSessionInvite({ ...eventOf(session, recipientId, names, await zoneOf(db, recipientId)), method });
  return { method, content };
}
