import type pg from 'pg';
import { ERASED_MEMBER_NAME } from '@payforward/contracts';
import { deleteAccountTokens } from '../account-tokens/account-tokens.read-model.js';

/**
 * What identity holds about an erased member beyond their sealed events, removed in the
 * transaction that appends MemberErased (ADR 010): the profile row stays (others' requests and
 * ledgers point at it) as "Erased member" with no e-mail or headline; the password hash, the
 * e-mail reservation (the address can register again, as a new member), contact grants and
 * open verification/reset tokens go.
 */
export async function scrubErasedMember(db: pg.ClientBase, memberId: string, meta: { version: number; occurredAt: Date }): Promise<void> {
  await db.query({
    name: 'identity-erase-member-row',
    text: `UPDATE members SET email = NULL, display_name = $4, headline = NULL, erased_at = $3, version = $2, updated_at = $3
            WHERE id = $1 AND version < $2`,
    values: [memberId, meta.version, meta.occurredAt, ERASED_MEMBER_NAME],
  });
  await db.query({ name: 'identity-erase-credentials', text: 'DELETE FROM credentials WHERE member_id = $1', values: [memberId] });
  await db.query({ name: 'identity-erase-email', text: 'DELETE FROM member_emails WHERE member_id = $1', values: [memberId] });
  await deleteAccountTokens(db, memberId);
  await db.query({ name: 'identity-erase-grants', text: 'DELETE FROM contact_grants WHERE viewer_id = $1 OR subject_id = $1', values: [memberId] });
}
