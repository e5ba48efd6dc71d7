import type pg from 'pg';
import type { CapacityEvent, OfferEvent, OfferPublishedData, OfferUpdatedData } from '@payforward/contracts';
import type { ProjectionMeta } from '../shared/projection.meta.js';

const details = (d: OfferPublishedData | OfferUpdatedData) => [
  d.offerId,
  d.mentorId,
  d.kind,
  d.title,
  d.description,
  d.topics,
  d.capacity,
  d.period,
  d.durationMinutes,
  d.minCompletedEngagements,
  d.workedTogetherOnly,
];

/** `offers` rows from offer events; returns the mentor whose dashboard lists the offer. */
export async function projectOfferEvent(tx: pg.ClientBase, event: OfferEvent, meta: ProjectionMeta): Promise<string> {
  switch (event.type) {
    case 'OfferPublished':
      await tx.query({
        name: 'marketplace-offer-published',
        text: `INSERT INTO offers (id, mentor_id, kind, title, description, topics, capacity, period, duration_minutes,
                                   min_completed_engagements, worked_together_only, status, version, published_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'ACTIVE', $12, $13, $13)
               ON CONFLICT (id) DO NOTHING`,
        values: [...details(event.data), meta.version, meta.occurredAt],
      });
      break;
    case 'OfferUpdated':
      await tx.query({
        name: 'marketplace-offer-updated',
        text: `UPDATE offers SET title = $4, description = $5, topics = $6, capacity = $7, period = $8, duration_minutes = $9,
                      min_completed_engagements = $10, worked_together_only = $11, version = $12, updated_at = $13
               WHERE id = $1 AND mentor_id = $2 AND kind = $3`,
        values: [...details(event.data), meta.version, meta.occurredAt],
      });
      break;
    case 'OfferPaused':
    case 'OfferResumed':
    case 'OfferRetired': {
      const status = event.type === 'OfferPaused' ? 'PAUSED' : event.type === 'OfferResumed' ? 'ACTIVE' : 'RETIRED';
      await tx.query({
        name: 'marketplace-offer-status',
        text: 'UPDATE offers SET status = $2, version = $3, updated_at = $4 WHERE id = $1',
        values: [event.data.offerId, status, meta.version, meta.occurredAt],
      });
      break;
    }
  }
  return event.data.mentorId;
}

/**
 * `offer_capacity_usage` from the capacity ledgers. The events carry the ledger's count after
 * them, so applying one twice sets the same value. The mentor is notified through the request
 * event of the same transaction (an acceptance, or an intro's refusal).
 */
export async function projectCapacityEvent(tx: pg.ClientBase, event: CapacityEvent): Promise<null> {
  await tx.query({
    name: 'marketplace-capacity-usage',
    text: `INSERT INTO offer_capacity_usage (offer_id, period_key, used) VALUES ($1, $2, $3)
           ON CONFLICT (offer_id, period_key) DO UPDATE SET used = EXCLUDED.used`,
    values: [event.data.offerId, event.data.periodKey, event.data.used],
  });
  return null;
}
