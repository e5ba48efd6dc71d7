import type pg from 'pg';
import { DomainError } from '@payforward/contracts';

type Db = pg.Pool | pg.ClientBase;

/** Reserves the e-mail for the member (its primary key makes a second registration CONFLICT). */
export async function reserveEmail(tx: pg.ClientBase, email: string, memberId: string): Promise<void> {
  const reserved = await tx.query({
    name: 'identity-reserve-email',
    text: 'INSERT INTO member_emails (email, member_id) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING',
    values: [email, memberId],
  });
  if (reserved.rowCount === 0) throw new DomainError('CONFLICT', 'An account with this e-mail address already exists.', 'email');
}

export async function storeCredentials(tx: pg.ClientBase, memberId: string, passwordHash: string): Promise<void> {
  await tx.query({
    name: 'identity-insert-credentials',
    text: 'INSERT INTO credentials (member_id, password_hash) VALUES ($1, $2)',
    values: [memberId, passwordHash],
  });
}

/** The member and password hash behind a normalized e-mail address, or null. */
export async function credentialsByEmail(db: Db, email: string): Promise<{ memberId: string; passwordHash: string } | null> {
  const { rows } = await db.query<{ member_id: string; password_hash: string }>({
    name: 'identity-credentials-by-email',
    text: `SELECT c.member_id, c.password_hash
             FROM member_emails e JOIN credentials c ON c.member_id = e.member_id
            WHERE e.email = $1`,
    values: [email],
  });
  return rows[0] ? { memberId: rows[0].member_id, passwordHash: rows[0].password_hash } : null;
}

/** The member's password hash, or null (unknown or erased member). */
export async function passwordHashOf(db: Db, memberId: string): Promise<string | null> {
  const { rows } = await db.query<{ password_hash: string }>({
    name: 'identity-erase-credentials-of',
    text: 'SELECT password_hash FROM credentials WHERE member_id = $1',
    values: [memberId],
  });
  return rows[0]?.password_hash ?? null;
}

/** The new hash of a password reset, in its transaction. */
export async function replacePasswordHash(tx: pg.ClientBase, memberId: string, passwordHash: string): Promise<void> {
  await tx.query({
    name: 'identity-replace-password-hash',
    text: 'UPDATE credentials SET password_hash = $2 WHERE member_id = $1',
    values: [memberId, passwordHash],
  });
}
