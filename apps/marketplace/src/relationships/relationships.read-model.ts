import type pg from 'pg';
import type { RelationshipEvidence } from '@payforward/contracts';
import { referralEligible } from '@payforward/marketplace-domain';
import { memberRef } from '../shared/member.reference.js';
import type { Relationship } from './relationship.type.js';

type Db = pg.Pool | pg.ClientBase;

interface RelationshipRow {
  completed_engagements: number;
  well_rated_engagements: number;
  attested: boolean;
  confirmed: boolean;
}

async function rowOf(db: Db, mentorId: string, seekerId: string): Promise<RelationshipRow | null> {
  const { rows } = await db.query<RelationshipRow>({
    name: 'marketplace-find-relationship',
    text: 'SELECT completed_engagements, well_rated_engagements, attested, confirmed FROM relationships WHERE mentor_id = $1 AND seeker_id = $2',
    values: [mentorId, seekerId],
  });
  return rows[0] ?? null;
}

/** What a referral from this mentor to this seeker can rest on (DESIGN §2.4); none yet is zero, not unknown. */
const evidenceOf = (row: RelationshipRow | null): RelationshipEvidence => ({
  completedEngagementsWithGoodRating: row?.well_rated_engagements ?? 0,
  workedTogetherConfirmed: row !== null && row.attested && row.confirmed,
});

export const evidenceBetween = async (db: Db, mentorId: string, seekerId: string): Promise<RelationshipEvidence> =>
  evidenceOf(await rowOf(db, mentorId, seekerId));

export async function findRelationship(db: Db, mentorId: string, seekerId: string): Promise<Relationship> {
  const row = await rowOf(db, mentorId, seekerId);
  const evidence = evidenceOf(row);
  return {
    mentor: memberRef(mentorId),
    seeker: memberRef(seekerId),
    completedEngagements: row?.completed_engagements ?? 0,
    workedTogether: evidence.workedTogetherConfirmed,
    referralEligible: referralEligible(evidence),
  };
}
