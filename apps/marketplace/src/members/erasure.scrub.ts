import type pg from 'pg';
import { ERASED_MEMBER_NAME, ERASED_TEXT } from '@payforward/contracts';

/**
 * The marketplace's read models after MemberErased (ADR 010): the same placeholders a replay of
 * the sealed events now yields, written once, in the consumer's transaction. Only what the member
 * wrote changes; ids, statuses, counts and ratings stay, so the other side's history and the
 * relationship figures are untouched. The erased mentor's offers leave the listing (RETIRED):
 * nobody could answer a request on them any more.
 */
export async function scrubErasedMember(db: pg.ClientBase, memberId: string, erasedAt: string): Promise<void> {
  const steps: [string, string, unknown[]][] = [
    ['marketplace-erase-member', 'UPDATE members SET display_name = $2, erased_at = $3 WHERE id = $1', [memberId, ERASED_MEMBER_NAME, erasedAt]],
    [
      'marketplace-erase-seeker-texts',
      'UPDATE help_requests SET message = $2, goal = $2, seeker_note = NULL WHERE seeker_id = $1',
      [memberId, ERASED_TEXT],
    ],
    [
      'marketplace-erase-mentor-texts',
      `UPDATE help_requests SET decline_note = NULL, mentor_note = NULL,
              vouch_statement = CASE WHEN vouch_statement IS NULL THEN NULL ELSE $2 END
        WHERE mentor_id = $1`,
      [memberId, ERASED_TEXT],
    ],
    [
      'marketplace-erase-attestations',
      'UPDATE relationships SET attestation_context = CASE WHEN attestation_context IS NULL THEN NULL ELSE $2 END WHERE mentor_id = $1',
      [memberId, ERASED_TEXT],
    ],
    ['marketplace-erase-offers', "UPDATE offers SET title = $2, description = $2, status = 'RETIRED' WHERE mentor_id = $1", [memberId, ERASED_TEXT]],
  ];
  for (const [name, text, values] of steps) await db.query({ name, text, values });
}
