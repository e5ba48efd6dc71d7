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

export async function findReputation(db: pg.Pool, memberId: string): Promise<Reputation | null> {
  if (!UUID.test(memberId)) return null;
  const { rows } = await db.query<ReputationRow>({
    name: 'reputation-find',
    text: 'SELECT member_id, score, level, badges, paid_forward_count FROM reputations WHERE member_id = $1',
    values: [memberId],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    member: { id: row.member_id },
    score: row.score,
    level: row.level,
    badges: row.badges,
    paidForwardCount: row.paid_forward_count,
  };
}

/**
 * A member's ledger, newest first. Keyset pagination: the cursor is the last entry's id, so
 * entries added meanwhile never shift a page. No rule writes entries yet (the rulebook comes
 * with completed help requests), so this answers an empty page until then.
 */
export const isUuid = (value: string): boolean => UUID.test(value);

export async function ledgerPage(db: pg.Pool, memberId: string, first: number, after: string | null): Promise<LedgerConnection> {
  const { rows } = await db.query<{
    id: string;
    points: number;
    rule_id: string;
    rule_version: number;
    source_event_id: string;
    reason: string;
    occurred_at: Date;
  }>({
    name: 'reputation-ledger-page',
    text: `SELECT l.id, l.points, l.rule_id, l.rule_version, l.source_event_id, l.reason, l.occurred_at
             FROM reputation_ledger l
            WHERE l.member_id = $1
              AND ($3::uuid IS NULL OR (l.occurred_at, l.id) < (SELECT occurred_at, id FROM reputation_ledger WHERE id = $3))
            ORDER BY l.occurred_at DESC, l.id DESC
            LIMIT $2`,
    values: [memberId, first + 1, after],
  });
  const { rows: count } = await db.query<{ n: number }>({
    name: 'reputation-ledger-count',
    text: 'SELECT count(*)::int AS n FROM reputation_ledger WHERE member_id = $1',
    values: [memberId],
  });
  const page = rows.slice(0, first);
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
    totalCount: count[0]!.n,
    endCursor: page.length > 0 ? page[page.length - 1]!.id : null,
    hasNextPage: rows.length > first,
  };
}
