import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

type Db = pg.Pool | pg.ClientBase;

/**
 * Private calendar feed tokens (ADR 018). A token is 32 bytes, base64url, derived as
 * HMAC-SHA256(feed secret, random nonce): the table keeps the nonce and the token's SHA-256,
 * never the token, so a copy of the database opens no feed; the service, holding the secret,
 * derives the same token again whenever the member asks for their URL. One live token per
 * member; rotating revokes it for good.
 */

export const feedTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The feed secret: CALENDAR_FEED_SECRET, else derived from the service's JWT secret (HKDF, its own label). */
export function feedSecretFrom(explicit: string | undefined, jwtSecret: string): Buffer {
  if (explicit) return Buffer.from(explicit, 'utf8');
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'payforward', 'calendar-feed-token', 32));
}

const deriveToken = (secret: Buffer, nonce: string): string => createHmac('sha256', secret).update(nonce, 'utf8').digest('base64url');

interface TokenRow {
  nonce: string;
  token_hash: string;
}

async function insertToken(db: Db, secret: Buffer, memberId: string, now: Date): Promise<void> {
  const nonce = randomBytes(32).toString('base64url');
  await db.query({
    name: 'calendar-feed-insert',
    text: `INSERT INTO calendar_feed_tokens (id, member_id, nonce, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (member_id) WHERE revoked_at IS NULL DO NOTHING`,
    values: [randomUUID(), memberId, nonce, feedTokenHash(deriveToken(secret, nonce)), now],
  });
}

/**
 * The member's live token, created on first use (two first reads at once still make one: the
 * partial unique index keeps one live row). If the secret changed since the token was made, the
 * derived token no longer matches its hash: it is revoked and a fresh one made.
 */
export async function currentFeedToken(db: pg.Pool, secret: Buffer, memberId: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows } = await db.query<TokenRow>({
      name: 'calendar-feed-current',
      text: 'SELECT nonce, token_hash FROM calendar_feed_tokens WHERE member_id = $1 AND revoked_at IS NULL',
      values: [memberId],
    });
    const row = rows[0];
    if (row) {
      const token = deriveToken(secret, row.nonce);
      if (feedTokenHash(token) === row.token_hash) return token;
      await revokeFeedTokens(db, memberId, now);
    }
    await insertToken(db, secret, memberId, now);
  }
  throw new Error('calendar feed token could not be created');
}

/** Revokes the live token and makes a new one, in one transaction: the old URL stops working at once. */
export async function rotateFeedToken(pool: pg.Pool, secret: Buffer, memberId: string, now: Date): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Serialises concurrent rotations of one member (the second waits, then replaces the first's token).
    await client.query({ name: 'calendar-feed-lock', text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', values: [`calendar-feed:${memberId}`] });
    await revokeFeedTokens(client, memberId, now);
    await insertToken(client, secret, memberId, now);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return currentFeedToken(pool, secret, memberId, now);
}

export async function revokeFeedTokens(db: Db, memberId: string, at: Date): Promise<void> {
  await db.query({
    name: 'calendar-feed-revoke',
    text: 'UPDATE calendar_feed_tokens SET revoked_at = $2 WHERE member_id = $1 AND revoked_at IS NULL',
    values: [memberId, at],
  });
}

/** Whose live feed a presented token opens (null: unknown, revoked, malformed, or a blocked member). */
export async function feedOwner(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const { rows } = await db.query<{ member_id: string }>({
    name: 'calendar-feed-owner',
    text: `SELECT t.member_id FROM calendar_feed_tokens t
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM blocked_members b WHERE b.member_id = t.member_id)`,
    values: [feedTokenHash(token)],
  });
  return rows[0]?.member_id ?? null;
}
