import type pg from 'pg';
import type { LedgerEntry, MemberSummary, ReputationFlag } from '@payforward/reputation-domain';
import type { LedgerDiff } from './ledger.cache.js';
import type { TableSuffix } from './projection.tables.js';

/**
 * Writes what the projection computed into the live tables (suffix '') or a rebuild's
 * (`_next`). Rows go as one JSON document per statement (jsonb_to_recordset), so a diff of
 * any size is a few round trips; upserts by id make a write repeatable.
 */
const CHUNK = 2_000;

export async function writeDiff(db: pg.ClientBase, s: TableSuffix, diff: LedgerDiff): Promise<void> {
  if (diff.removed.length > 0) {
    await db.query({ name: `reputation-ledger-delete${s}`, text: `DELETE FROM reputation_ledger${s} WHERE id = ANY($1::uuid[])`, values: [diff.removed] });
  }
  await upsertEntries(db, s, diff.upserted);
  if (diff.removedFlags.length > 0) {
    await db.query({ name: `reputation-flags-delete${s}`, text: `DELETE FROM reputation_flags${s} WHERE id = ANY($1::uuid[])`, values: [diff.removedFlags] });
  }
  await upsertFlags(db, s, diff.flags);
  await upsertSummaries(db, s, diff.summaries);
}

export async function upsertEntries(db: pg.ClientBase, s: TableSuffix, entries: readonly LedgerEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db.query({
      name: `reputation-ledger-upsert${s}`,
      text: `INSERT INTO reputation_ledger${s}
               (id, member_id, points, rule_id, rule_version, source_event_id, reason, occurred_at, request_id, counterparties, qualified_by, reverses, voided_by)
             SELECT id, "memberId", points, "ruleId", "ruleVersion", "sourceEventId", reason, "occurredAt", "requestId", counterparties, "qualifiedBy", reverses, "voidedBy"
               FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "memberId" uuid, points integer, "ruleId" text, "ruleVersion" integer, "sourceEventId" uuid,
                    reason text, "occurredAt" timestamptz, "requestId" uuid, counterparties uuid[], "qualifiedBy" uuid[], reverses uuid[], "voidedBy" uuid)
             ON CONFLICT (id) DO UPDATE SET points = EXCLUDED.points, rule_version = EXCLUDED.rule_version, reason = EXCLUDED.reason,
               occurred_at = EXCLUDED.occurred_at, request_id = EXCLUDED.request_id, counterparties = EXCLUDED.counterparties,
               qualified_by = EXCLUDED.qualified_by, reverses = EXCLUDED.reverses, voided_by = EXCLUDED.voided_by`,
      values: [JSON.stringify(entries.slice(i, i + CHUNK))],
    });
  }
}

const flagRow = (f: ReputationFlag) => ({
  id: f.id,
  kind: f.kind,
  memberId: f.memberId,
  eventIds: f.evidence.eventIds,
  memberIds: f.evidence.memberIds,
  requestIds: f.requestIds,
  description: f.description,
  raisedAt: f.raisedAt,
  status: f.status,
  resolvedBy: f.resolution?.adminId ?? null,
  note: f.resolution?.note ?? null,
  resolvedAt: f.resolution?.at ?? null,
  resolutionEventId: f.resolution?.eventId ?? null,
});

export async function upsertFlags(db: pg.ClientBase, s: TableSuffix, flags: readonly ReputationFlag[]): Promise<void> {
  for (let i = 0; i < flags.length; i += CHUNK) {
    await db.query({
      name: `reputation-flags-upsert${s}`,
      text: `INSERT INTO reputation_flags${s}
               (id, kind, member_id, event_ids, member_ids, request_ids, description, raised_at, status, resolved_by, resolution_note, resolved_at, resolution_event_id)
             SELECT id, kind, "memberId", "eventIds", "memberIds", "requestIds", description, "raisedAt", status, "resolvedBy", note, "resolvedAt", "resolutionEventId"
               FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, kind text, "memberId" uuid, "eventIds" uuid[], "memberIds" uuid[], "requestIds" uuid[],
                    description text, "raisedAt" timestamptz, status text, "resolvedBy" uuid, note text, "resolvedAt" timestamptz, "resolutionEventId" uuid)
             ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, member_id = EXCLUDED.member_id, event_ids = EXCLUDED.event_ids,
               member_ids = EXCLUDED.member_ids, request_ids = EXCLUDED.request_ids, description = EXCLUDED.description,
               raised_at = EXCLUDED.raised_at, status = EXCLUDED.status, resolved_by = EXCLUDED.resolved_by,
               resolution_note = EXCLUDED.resolution_note, resolved_at = EXCLUDED.resolved_at, resolution_event_id = EXCLUDED.resolution_event_id`,
      values: [JSON.stringify(flags.slice(i, i + CHUNK).map(flagRow))],
    });
  }
}

/** Summaries only move derived columns; created_at/updated_at are bookkeeping, not part of the projection's result. */
export async function upsertSummaries(db: pg.ClientBase, s: TableSuffix, summaries: readonly MemberSummary[]): Promise<void> {
  for (let i = 0; i < summaries.length; i += CHUNK) {
    await db.query({
      name: `reputation-summaries-upsert${s}`,
      text: `INSERT INTO reputations${s} (member_id, score, level, badges, paid_forward_count, created_at, updated_at)
             SELECT "memberId", score, level, badges, "paidForwardCount", now(), now()
               FROM jsonb_to_recordset($1::jsonb) AS x("memberId" uuid, score integer, level text, badges text[], "paidForwardCount" integer)
             ON CONFLICT (member_id) DO UPDATE SET score = EXCLUDED.score, level = EXCLUDED.level, badges = EXCLUDED.badges,
               paid_forward_count = EXCLUDED.paid_forward_count, updated_at = now()`,
      values: [JSON.stringify(summaries.slice(i, i + CHUNK))],
    });
  }
}

/** A registered member has a row (a Newcomer with 0) before their first line. */
export async function registerMember(db: pg.ClientBase, member: { memberId: string; displayName: string; registeredAt: string }): Promise<void> {
  await db.query({
    name: 'reputation-member-register',
    text: `INSERT INTO reputation_members (member_id, display_name, registered_at) VALUES ($1, $2, $3)
           ON CONFLICT (member_id) DO UPDATE SET display_name = EXCLUDED.display_name`,
    values: [member.memberId, member.displayName, member.registeredAt],
  });
  await db.query({
    name: 'reputation-member-registered',
    text: `INSERT INTO reputations (member_id, score, level, badges, paid_forward_count, created_at, updated_at)
           VALUES ($1, 0, 'Newcomer', '{}', 0, $2, $2) ON CONFLICT (member_id) DO NOTHING`,
    values: [member.memberId, member.registeredAt],
  });
}

/** A later name (profile update, or "Erased member"); a member this service never saw registered gets no row from it. */
export async function renameMember(db: pg.ClientBase, memberId: string, displayName: string): Promise<void> {
  await db.query({
    name: 'reputation-member-rename',
    text: 'UPDATE reputation_members SET display_name = $2 WHERE member_id = $1',
    values: [memberId, displayName],
  });
}

/** Rows for registered members without lines (a rebuild's tables start empty). */
export async function insertRegisteredMembers(db: pg.ClientBase, s: TableSuffix): Promise<void> {
  await db.query(`INSERT INTO reputations${s} (member_id, score, level, badges, paid_forward_count, created_at, updated_at)
                  SELECT member_id, 0, 'Newcomer', '{}', 0, registered_at, registered_at FROM reputation_members
                  ON CONFLICT (member_id) DO NOTHING`);
}
