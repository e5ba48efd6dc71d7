import type pg from 'pg';
import { IdentityEventTypes, type EventEnvelope, type MemberRegisteredData } from '@payforward/contracts';

/**
 * Reputation's reaction to identity events: a new member starts at score 0, level Newcomer.
 * Runs inside the consumer's transaction that also records the event id as processed, so a
 * redelivery never reaches here twice; ON CONFLICT covers a rebuild from the topic's start.
 */
export async function projectIdentityEvent(envelope: EventEnvelope, tx: pg.ClientBase): Promise<void> {
  if (envelope.type !== IdentityEventTypes.MemberRegistered) return; // other identity events do not move reputation
  const data = envelope.data as MemberRegisteredData;
  await tx.query({
    name: 'reputation-member-registered',
    text: `INSERT INTO reputations (member_id, score, level, badges, paid_forward_count, created_at, updated_at)
           VALUES ($1, 0, 'Newcomer', '{}', 0, $2, $2)
           ON CONFLICT (member_id) DO NOTHING`,
    values: [data.memberId, envelope.occurredAt],
  });
}
