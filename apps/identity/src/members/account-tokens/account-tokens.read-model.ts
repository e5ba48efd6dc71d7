import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { IdentityEventTypes, type IdentityEvent } from '@payforward/contracts';

/**
 * `account_tokens` (ADR 019): the open verification and reset token of each member, by SHA-256
 * only, so the table (or a backup of it) opens no account. It is the lookup from a link's token
 * to its member; the member decider still decides (single use, expiry, superseded).
 */
export type TokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD';

/** 32 random bytes, base64url (43 characters): the token a link carries. */
export const newAccountToken = (): string => randomBytes(32).toString('base64url');

export const hashAccountToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The member a token was issued to, or null (unknown, used, superseded, or not a token at all). */
export async function memberOfToken(db: pg.Pool | pg.ClientBase, purpose: TokenPurpose, token: string): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const { rows } = await db.query<{ member_id: string }>({
    name: 'identity-account-token-member',
    text: 'SELECT member_id FROM account_tokens WHERE token_hash = $1 AND purpose = $2',
    values: [hashAccountToken(token), purpose],
  });
  return rows[0]?.member_id ?? null;
}

const PURPOSE_OF_REQUEST: Partial<Record<IdentityEvent['type'], TokenPurpose>> = {
  [IdentityEventTypes.EmailVerificationRequested]: 'VERIFY_EMAIL',
  [IdentityEventTypes.PasswordResetRequested]: 'RESET_PASSWORD',
};
const PURPOSE_USED: Partial<Record<IdentityEvent['type'], TokenPurpose>> = {
  [IdentityEventTypes.EmailVerified]: 'VERIFY_EMAIL',
  [IdentityEventTypes.PasswordReset]: 'RESET_PASSWORD',
};

/** Projects the token events (inline, in the command's transaction); other events change nothing here. */
export async function projectAccountToken(db: pg.ClientBase, event: IdentityEvent, occurredAt: Date): Promise<void> {
  const requested = PURPOSE_OF_REQUEST[event.type];
  if (requested) {
    const { memberId, token, expiresAt } = event.data as { memberId: string; token: string; expiresAt: string };
    await db.query({
      name: 'identity-account-token-upsert',
      text: `INSERT INTO account_tokens (member_id, purpose, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (member_id, purpose) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at`,
      values: [memberId, requested, hashAccountToken(token), expiresAt, occurredAt],
    });
    return;
  }
  const used = PURPOSE_USED[event.type];
  if (used) await deleteAccountTokens(db, (event.data as { memberId: string }).memberId, used);
}

/** Drops the member's open tokens (of one purpose, or all: erasure). */
export async function deleteAccountTokens(db: pg.ClientBase, memberId: string, purpose?: TokenPurpose): Promise<void> {
  await db.query({
    name: purpose ? 'identity-account-token-delete' : 'identity-account-token-delete-all',
    text: purpose ? 'DELETE FROM account_tokens WHERE member_id = $1 AND purpose = $2' : 'DELETE FROM account_tokens WHERE member_id = $1',
    values: purpose ? [memberId, purpose] : [memberId],
  });
}
