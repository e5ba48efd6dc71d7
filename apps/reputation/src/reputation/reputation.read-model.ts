import type pg from 'pg';
import type { LedgerConnection, Reputation } from './reputation.type.js';

interface ReputationRow {
  member_id: string;
  score: number;
  level: string;
  badges: string[];
  paid_forward_count: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const toReputation = (row: ReputationRow): Reputation => ({
  member: { id: row.member_id },
  score: row.score,
  level: row.level,
  badges: row.badges,
  paidForwardCount: row.paid_forward_count,
});

/** Reputations of many members in one query (what the gateway's `_entities` batches into). */
export async function findReputations(db: pg.Pool, memberIds: readonly string[]): Promise<Map<string, Reputation>> {
  const ids = [...new Set(memberIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<ReputationRow>({
    name: 'reputation-find-many',
    text: 'SELECT member_id, score, level, badges, paid_forward_count FROM reputations WHERE member_id = ANY($1::uuid[])',
    values: [ids],
  });
  return new Map(rows.map((row) => [row.member_id, toReputation(row)]));
}

export async function findReputation(db: pg.Pool, memberId: string): Promise<Reputation | null> {
  return (await findReputations(db, [memberId])).get(memberId.toLowerCase()) ?? null;
}

/** Highest score first; ties by member id, so pages are stable. */
export async function leaderboard(db: pg.Pool, first: number): Promise<Reputation[]> {
  const { rows } = await db.query<ReputationRow>({
    name: 'reputation-leaderboard',
    text: 'SELECT member_id, score, level, badges, paid_forward_count FROM reputations ORDER BY score DESC, member_id LIMIT $1',
    values: [first],
  });
  return rows.map(toReputation);
}

/**
 * Ledger cursors are opaque: base64url of the last entry's time and id. Keyset pagination on
 * (occurred_at, id) means lines added meanwhile never shift a page, and a cursor stays valid
 * even if its line was re-derived away by a late fact.
 */
export const encodeCursor = (occurredAt: Date, id: string): string => Buffer.from(`${occurredAt.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { occurredAt: string; id: string } | null {
  const [occurredAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !occurredAt || !id || !isUuid(id) || Number.isNaN(Date.parse(occurredAt))) return null;
  return { occurredAt, id };
}

/** A member's ledger, newest first, with the total count. */
export async function ledgerPage(db: pg.Pool, memberId: string, first: number, after: { occurredAt: string; id: string } | null): Promise<LedgerConnection> {
  const { rows } = await db.query<{
    id: string;
    points: number;
    rule_id: string;
    rule_version: number;
    source_event_id: string;
    reason: string;
    occurred_at: Date;
    total: number;
  }>({
    name: 'reputation-ledger-page',
    text: `SELECT l.id, l.points, l.rule_id, l.rule_version, l.source_event_id, l.reason, l.occurred_at,
                  (SELECT count(*)::int FROM reputation_ledger WHERE member_id = $1) AS total
             FROM reputation_ledger l
            WHERE l.member_id = $1
              AND ($3::timestamptz IS NULL OR (l.occurred_at, l.id) < ($3::timestamptz, $4::uuid))
            ORDER BY l.occurred_at DESC, l.id DESC
            LIMIT $2`,
    values: [memberId, first + 1, after?.occurredAt ?? null, after?.id ?? null],
  });
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  const total = rows[0]?.total ?? (await countLedger(db, memberId));
  return {
    nodes: page.map((r) => ({
      id: r.id,
      points: r.points,
      ruleId: r.rule_id,
      ruleVersion: r.rule_version,
      sourceEventId: r.source_event_id,
      reason: r.reason,
      occurredAt: r.occurred_at,
    })),
    totalCount: total,
    endCursor: last ? encodeCursor(last.occurred_at, last.id) : null,
    hasNextPage: rows.length > first,
  };
}

async function countLedger(db: pg.Pool, memberId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>({
    name: 'reputation-ledger-count',
    text: 'SELECT count(*)::int AS n FROM reputation_ledger WHERE member_id = $1',
    values: [memberId],
  });
  return rows[0]!.n;
}
