import type pg from 'pg';
import type { RelationshipEvidence } from '@payforward/contracts';
import { referralEligible } from '@payforward/marketplace-domain';
import { memberRef } from '../shared/member.reference.js';
import type { Relationship } from './relationship.type.js';

type Db = pg.Pool | pg.ClientBase;

interface RelationshipRow {
  mentor_id: string;
  seeker_id: string;
  completed_engagements: number;
  well_rated_engagements: number;
  attested: boolean;
  attestation_context: string | null;
  confirmed: boolean;
}

const COLUMNS = 'mentor_id, seeker_id, completed_engagements, well_rated_engagements, attested, attestation_context, confirmed';

async function rowOf(db: Db, mentorId: string, seekerId: string): Promise<RelationshipRow | null> {
  const { rows } = await db.query<RelationshipRow>({
    name: 'marketplace-find-relationship',
    text: `SELECT ${COLUMNS} FROM relationships WHERE mentor_id = $1 AND seeker_id = $2`,
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

const toRelationship = (mentorId: string, seekerId: string, row: RelationshipRow | null): Relationship => {
  const evidence = evidenceOf(row);
  return {
    mentor: memberRef(mentorId),
    seeker: memberRef(seekerId),
    completedEngagements: row?.completed_engagements ?? 0,
    workedTogether: evidence.workedTogetherConfirmed,
    referralEligible: referralEligible(evidence),
    attestationContext: row?.attested ? row.attestation_context : null,
  };
};

export async function findRelationship(db: Db, mentorId: string, seekerId: string): Promise<Relationship> {
  return toRelationship(mentorId, seekerId, await rowOf(db, mentorId, seekerId));
}

/**
 * Attestations naming `seekerId` that they have not confirmed yet, newest first: what only they
 * can confirm. An erased mentor's attestation is left out: its words are gone, nobody to answer.
 */
export async function attestationsAwaiting(db: Db, seekerId: string): Promise<Relationship[]> {
  const { rows } = await db.query<RelationshipRow>({
    name: 'marketplace-attestations-awaiting',
    text: `SELECT ${COLUMNS} FROM relationships r
           WHERE seeker_id = $1 AND attested AND NOT confirmed
             AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = r.mentor_id AND m.erased_at IS NOT NULL)
           ORDER BY updated_at DESC, mentor_id`,
    values: [seekerId],
  });
  return rows.map((row) => toRelationship(row.mentor_id, row.seeker_id, row));
}

/** Whether the mentor blocked the seeker (`blocks`, projected from the mentor's block list). */
export const isBlocked = async (db: Db, mentorId: string, seekerId: string): Promise<boolean> =>
  (await db.query({ name: 'marketplace-is-blocked', text: 'SELECT 1 FROM blocks WHERE mentor_id = $1 AND seeker_id = $2', values: [mentorId, seekerId] })).rows
    .length > 0;
