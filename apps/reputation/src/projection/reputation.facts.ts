import type pg from 'pg';
import type { EventEnvelope } from '@payforward/contracts';
import { compareFacts, isReputationInput, type ReputationInput } from '@payforward/reputation-domain';

/**
 * `reputation_facts`: what the service consumed, keyed by event id. The ledger is a function
 * of the input facts, so a late fact is re-derived from here, a rebuild needs no broker, and
 * `memberHistory` lists what concerns a member across services.
 */

/** Data fields naming the members an event is about (an admin acting on them is not "concerned"). */
const MEMBER_FIELDS = ['memberId', 'mentorId', 'seekerId', 'introTargetId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function membersOf(envelope: Pick<EventEnvelope, 'data'>): string[] {
  const members = new Set<string>();
  for (const field of MEMBER_FIELDS) {
    const value = envelope.data[field];
    if (typeof value === 'string' && UUID.test(value)) members.add(value.toLowerCase());
  }
  return [...members];
}

/** Personal data reputation has no use for stays with identity (erasure then has one place to act). */
const REDACTED: Readonly<Record<string, readonly string[]>> = {
  MemberRegistered: ['email'],
  // One-time account tokens are secrets: memberHistory must never show an admin a working reset link.
  EmailVerificationRequested: ['email', 'token'],
  PasswordResetRequested: ['email', 'token'],
};

export function storedEnvelope(envelope: EventEnvelope): EventEnvelope {
  const hidden = REDACTED[envelope.type];
  if (!hidden) return envelope;
  return { ...envelope, data: Object.fromEntries(Object.entries(envelope.data).filter(([key]) => !hidden.includes(key))) };
}

/** Stores the fact; false when it was already stored (its effects were written with it). */
export async function storeFact(tx: pg.ClientBase, topic: string, envelope: EventEnvelope): Promise<boolean> {
  const { rowCount } = await tx.query({
    name: 'reputation-fact-insert',
    text: `INSERT INTO reputation_facts (event_id, topic, type, stream_id, version, occurred_at, member_ids, ledger_input, envelope)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (event_id) DO NOTHING`,
    values: [
      envelope.id,
      topic,
      envelope.type,
      envelope.streamId,
      envelope.version,
      envelope.occurredAt,
      membersOf(envelope),
      isReputationInput(envelope),
      JSON.stringify(storedEnvelope(envelope)),
    ],
  });
  return rowCount === 1;
}

/** Stores facts in one statement, in the given order; returns the ids newly stored (the others were, with their effects). */
export async function storeFacts(tx: pg.ClientBase, facts: ReadonlyArray<{ topic: string; envelope: EventEnvelope }>): Promise<Set<string>> {
  if (facts.length === 0) return new Set();
  const rows = facts.map(({ topic, envelope }) => ({
    event_id: envelope.id,
    topic,
    type: envelope.type,
    stream_id: envelope.streamId,
    version: envelope.version,
    occurred_at: envelope.occurredAt,
    member_ids: membersOf(envelope),
    ledger_input: isReputationInput(envelope),
    envelope: storedEnvelope(envelope),
  }));
  const { rows: stored } = await tx.query<{ event_id: string }>({
    name: 'reputation-facts-insert-many',
    text: `INSERT INTO reputation_facts (event_id, topic, type, stream_id, version, occurred_at, member_ids, ledger_input, envelope)
           SELECT x.event_id, x.topic, x.type, x.stream_id, x.version, x.occurred_at, x.member_ids, x.ledger_input, x.envelope
             FROM jsonb_to_recordset($1::jsonb) AS x(event_id uuid, topic text, type text, stream_id text, version integer,
                  occurred_at timestamptz, member_ids uuid[], ledger_input boolean, envelope jsonb)
           ON CONFLICT (event_id) DO NOTHING
           RETURNING event_id`,
    values: [JSON.stringify(rows)],
  });
  return new Set(stored.map((r) => r.event_id.toLowerCase()));
}

/** What the domain folds: the envelope's id, time, type and data (the rest is transport). */
export const toInput = (envelope: Pick<EventEnvelope, 'id' | 'occurredAt' | 'type' | 'data'>): ReputationInput =>
  ({ id: envelope.id, occurredAt: envelope.occurredAt, type: envelope.type, data: envelope.data }) as ReputationInput;

/**
 * The ledger's inputs in the domain's order (time, then id). Sorted here rather than by SQL:
 * PostgreSQL keeps microseconds the domain's clock does not see, and a different order would
 * only cost replays.
 */
export async function loadInputs(db: pg.ClientBase | pg.Pool, range: { uptoSeq?: string } = {}): Promise<ReputationInput[]> {
  const { rows } = await db.query<{ envelope: EventEnvelope }>({
    name: 'reputation-facts-inputs',
    text: 'SELECT envelope FROM reputation_facts WHERE ledger_input AND ($1::bigint IS NULL OR seq <= $1) ORDER BY occurred_at, event_id',
    values: [range.uptoSeq ?? null],
  });
  return rows.map((row) => toInput(row.envelope)).sort(compareFacts);
}

/** The newest fact's arrival number: a rebuild's snapshot point. */
export async function lastFactSeq(db: pg.ClientBase | pg.Pool): Promise<string> {
  const { rows } = await db.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM reputation_facts');
  return rows[0]!.seq;
}

export async function countFactsAfter(db: pg.ClientBase | pg.Pool, seq: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reputation_facts WHERE ledger_input AND seq > $1', [seq]);
  return rows[0]!.n;
}

export async function loadNames(db: pg.ClientBase | pg.Pool): Promise<Map<string, string>> {
  const { rows } = await db.query<{ member_id: string; display_name: string }>({
    name: 'reputation-names',
    text: 'SELECT member_id, display_name FROM reputation_members',
  });
  return new Map(rows.map((r) => [r.member_id, r.display_name]));
}
