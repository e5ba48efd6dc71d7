import type pg from 'pg';
import type { HelpRequestEvent } from '@payforward/contracts';
import { GOOD_RATING } from '@payforward/marketplace-domain';
import type { ProjectionMeta } from '../shared/projection.meta.js';

type Tx = pg.ClientBase;

async function setStatus(tx: Tx, requestId: string, meta: ProjectionMeta, status: string, extra: Record<string, unknown> = {}): Promise<void> {
  // Column names come from this file only, never from input.
  const columns = Object.keys(extra);
  const assignments = columns.map((c, i) => `, ${c} = $${i + 5}`).join('');
  await tx.query({
    text: `UPDATE help_requests SET status = $2, version = $3, updated_at = $4${assignments} WHERE id = $1`,
    values: [requestId, status, meta.version, meta.occurredAt, ...columns.map((c) => extra[c])],
  });
}

async function setFields(tx: Tx, requestId: string, meta: ProjectionMeta, fields: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(fields);
  const assignments = columns.map((c, i) => `${c} = $${i + 4}`).join(', ');
  await tx.query({
    text: `UPDATE help_requests SET version = $2, updated_at = $3, ${assignments} WHERE id = $1`,
    values: [requestId, meta.version, meta.occurredAt, ...columns.map((c) => fields[c])],
  });
}

/** A request that left SUBMITTED no longer expires: its due time goes with the same transaction. */
const dropDeadline = (tx: Tx, requestId: string) =>
  tx.query({ name: 'marketplace-drop-deadline', text: 'DELETE FROM request_deadlines WHERE request_id = $1', values: [requestId] });

/**
 * `help_requests` (and the durable expiry due times) from help-request events, plus the pair's
 * relationship figures that completions and feedback move. Returns the mentor whose dashboard
 * changed, or null when the dashboard shows nothing of it.
 */
export async function projectHelpRequestEvent(tx: Tx, event: HelpRequestEvent, meta: ProjectionMeta): Promise<string | null> {
  const { requestId, mentorId, seekerId } = event.data;
  switch (event.type) {
    case 'HelpRequestSubmitted': {
      const d = event.data;
      await tx.query({
        name: 'marketplace-request-submitted',
        text: `INSERT INTO help_requests (id, offer_id, mentor_id, seeker_id, kind, status, message, goal, intro_target_id,
                                          duration_minutes, expires_at, version, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $6, $7, $8, $9, $10, $11, $12, $12)
               ON CONFLICT (id) DO NOTHING`,
        values: [d.requestId, d.offerId, d.mentorId, d.seekerId, d.kind, d.message, d.goal, d.introTargetId, d.durationMinutes, d.expiresAt, meta.version, d.submittedAt],
      });
      // The durable due time the expiry scan reads: written with the submission, so a restart loses nothing.
      await tx.query({
        name: 'marketplace-request-deadline',
        text: 'INSERT INTO request_deadlines (request_id, due_at) VALUES ($1, $2) ON CONFLICT (request_id) DO NOTHING',
        values: [d.requestId, d.expiresAt],
      });
      return mentorId;
    }
    case 'HelpRequestAccepted':
      await setStatus(tx, requestId, meta, 'ACCEPTED', { scheduled_at: event.data.scheduledAt, capacity_period_key: event.data.capacityPeriodKey });
      await dropDeadline(tx, requestId);
      return mentorId;
    case 'HelpRequestDeclined':
      await setStatus(tx, requestId, meta, 'DECLINED', { decline_reason: event.data.reason, decline_note: event.data.note, guidance: event.data.guidance });
      await dropDeadline(tx, requestId);
      return mentorId;
    case 'HelpRequestWithdrawn':
      await setStatus(tx, requestId, meta, 'WITHDRAWN');
      await dropDeadline(tx, requestId);
      return mentorId;
    case 'HelpRequestExpired':
      await setStatus(tx, requestId, meta, 'EXPIRED', { guidance: event.data.guidance });
      await dropDeadline(tx, requestId);
      return mentorId;
    case 'HelpRequestCompleted':
      await setStatus(tx, requestId, meta, 'COMPLETED');
      await tx.query({
        name: 'marketplace-relationship-completed',
        text: `INSERT INTO relationships (mentor_id, seeker_id, completed_engagements, updated_at) VALUES ($1, $2, 1, $3)
               ON CONFLICT (mentor_id, seeker_id) DO UPDATE
               SET completed_engagements = relationships.completed_engagements + 1, updated_at = EXCLUDED.updated_at`,
        values: [mentorId, seekerId, meta.occurredAt],
      });
      return mentorId;
    case 'NoShowReported':
      await setStatus(tx, requestId, meta, 'NO_SHOW', { absent_party: event.data.absent });
      return mentorId;
    case 'FeedbackLeft': {
      const { side, rating, note } = event.data;
      // An engagement counts as well rated once either side rated it ≥ 4: counted on the first such rating only.
      if (rating >= GOOD_RATING) {
        await tx.query({
          name: 'marketplace-relationship-well-rated',
          text: `UPDATE relationships SET well_rated_engagements = well_rated_engagements + 1, updated_at = $3
                 WHERE mentor_id = $1 AND seeker_id = $2
                   AND NOT EXISTS (SELECT 1 FROM help_requests
                                   WHERE id = $4 AND (coalesce(seeker_rating, 0) >= $5 OR coalesce(mentor_rating, 0) >= $5))`,
          values: [mentorId, seekerId, meta.occurredAt, requestId, GOOD_RATING],
        });
      }
      const fields = side === 'SEEKER' ? { seeker_rating: rating, seeker_note: note } : { mentor_rating: rating, mentor_note: note };
      await setFields(tx, requestId, meta, fields);
      return null;
    }
    case 'ReferralVouched':
      await setFields(tx, requestId, meta, { vouch_statement: event.data.statement });
      return null;
    case 'ReferralOutcomeReported':
      await setFields(tx, requestId, meta, { referral_outcome: event.data.outcome });
      return null;
    case 'IntroConsented':
      await setFields(tx, requestId, meta, { intro_consent: true });
      return null;
    case 'IntroDeclined':
      // The intro ends kindly (DECLINED) and its unit of capacity goes back: the mentor's dashboard changes.
      await setStatus(tx, requestId, meta, 'DECLINED', { intro_consent: false, guidance: event.data.guidance });
      return mentorId;
  }
}
