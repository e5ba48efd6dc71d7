import type pg from 'pg';
import type { RelationshipEvent } from '@payforward/contracts';
import type { ProjectionMeta } from '../shared/projection.meta.js';

/** Worked-together attestations and blocks; none of them shows on a dashboard. */
export async function projectRelationshipEvent(tx: pg.ClientBase, event: RelationshipEvent, meta: ProjectionMeta): Promise<null> {
  const { mentorId, seekerId } = event.data;
  switch (event.type) {
    case 'WorkedTogetherAttested':
      await tx.query({
        name: 'marketplace-worked-together-attested',
        text: `INSERT INTO relationships (mentor_id, seeker_id, attested, attestation_context, updated_at) VALUES ($1, $2, true, $3, $4)
               ON CONFLICT (mentor_id, seeker_id) DO UPDATE
               SET attested = true, attestation_context = EXCLUDED.attestation_context, updated_at = EXCLUDED.updated_at`,
        values: [mentorId, seekerId, event.data.context, meta.occurredAt],
      });
      break;
    case 'WorkedTogetherConfirmed':
      await tx.query({
        name: 'marketplace-worked-together-confirmed',
        text: 'UPDATE relationships SET confirmed = true, updated_at = $3 WHERE mentor_id = $1 AND seeker_id = $2',
        values: [mentorId, seekerId, meta.occurredAt],
      });
      break;
    case 'SeekerBlocked':
      await tx.query({
        name: 'marketplace-seeker-blocked',
        text: 'INSERT INTO blocks (mentor_id, seeker_id, blocked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        values: [mentorId, seekerId, meta.occurredAt],
      });
      break;
  }
  return null;
}
