import type pg from 'pg';
import {
  HelpRequestEventTypes,
  type EventEnvelope,
  type HelpRequestAcceptedData,
  type IntroConsentedData,
} from '@payforward/contracts';

export type GrantBasis = 'REQUEST_ACCEPTED' | 'INTRO_CONSENTED';

/**
 * Identity's reaction to marketplace help-request events (DESIGN §2.1, contract `Member.contact`):
 * - HelpRequestAccepted: the mentor and the seeker see each other's contact (kept after
 *   completion, a no-show or anything else: terminal events revoke nothing).
 * - IntroConsented: the seeker and the intro target see each other's contact. The mentor and
 *   the target are NOT granted each other: the target consented to meet the seeker, the mentor
 *   is no counterpart of a request with the target, and the mentor could only name the target
 *   because they can reach them already. Least disclosure wins.
 * The envelope was validated against the contract by the consumer runner. Runs inside the
 * transaction that records the event as processed; ON CONFLICT also makes a rebuild a no-op.
 */
export async function projectContactGrants(envelope: EventEnvelope, tx: pg.ClientBase): Promise<void> {
  switch (envelope.type) {
    case HelpRequestEventTypes.HelpRequestAccepted: {
      const d = envelope.data as HelpRequestAcceptedData;
      return grantEachOther(tx, d.mentorId, d.seekerId, { basis: 'REQUEST_ACCEPTED', requestId: d.requestId, envelope });
    }
    case HelpRequestEventTypes.IntroConsented: {
      const d = envelope.data as IntroConsentedData;
      return grantEachOther(tx, d.seekerId, d.introTargetId, { basis: 'INTRO_CONSENTED', requestId: d.requestId, envelope });
    }
    default:
      return; // every other help-request event leaves contact visibility as it is
  }
}

async function grantEachOther(
  tx: pg.ClientBase,
  a: string,
  b: string,
  { basis, requestId, envelope }: { basis: GrantBasis; requestId: string; envelope: EventEnvelope },
): Promise<void> {
  if (a === b) return;
  await tx.query({
    name: 'identity-grant-contacts',
    text: `INSERT INTO contact_grants (viewer_id, subject_id, basis, request_id, source_event_id, granted_at)
           VALUES ($1, $2, $3, $4, $5, $6), ($2, $1, $3, $4, $5, $6)
           ON CONFLICT (viewer_id, subject_id) DO NOTHING`,
    values: [a, b, basis, requestId, envelope.id, envelope.occurredAt],
  });
}

/** Of `subjectIds`, those whose contact `viewerId` was granted: one query for any number of subjects. */
export async function grantedSubjects(db: pg.Pool, viewerId: string, subjectIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ subject_id: string }>({
    name: 'identity-granted-subjects',
    text: 'SELECT subject_id FROM contact_grants WHERE viewer_id = $1 AND subject_id = ANY($2::uuid[])',
    values: [viewerId, subjectIds],
  });
  return new Set(rows.map((r) => r.subject_id));
}
