import type pg from 'pg';
import { flagCoverage, type LedgerEntry, type ReputationFlag, type RuleId } from '@payforward/reputation-domain';
import { UNKNOWN_NAME } from '../projection/ledger.cache.js';
import { FlagStatus, type ReputationFlagView } from './flag.type.js';

export interface FlagRow {
  id: string;
  kind: string;
  member_id: string;
  event_ids: string[];
  member_ids: string[];
  request_ids: string[];
  description: string;
  raised_at: Date;
  status: FlagStatus;
  resolved_by: string | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  resolution_event_id: string | null;
}

const FLAG_COLUMNS = `id, kind, member_id, event_ids, member_ids, request_ids, description, raised_at, status,
                      resolved_by, resolution_note, resolved_at, resolution_event_id`;

/** The queue: oldest first, so what waits longest is reviewed first. */
export async function findFlags(db: pg.Pool, status: FlagStatus | null): Promise<FlagRow[]> {
  const { rows } = await db.query<FlagRow>({
    name: 'reputation-flags-find',
    text: `SELECT ${FLAG_COLUMNS} FROM reputation_flags WHERE ($1::text IS NULL OR status = $1) ORDER BY raised_at, id`,
    values: [status],
  });
  return rows;
}

export async function findFlag(db: pg.Pool, id: string): Promise<FlagRow | null> {
  const { rows } = await db.query<FlagRow>({ name: 'reputation-flag-find', text: `SELECT ${FLAG_COLUMNS} FROM reputation_flags WHERE id = $1`, values: [id] });
  return rows[0] ?? null;
}

/** The views of flags, with evidence lines and covered points: three queries for any number of flags. */
export async function flagViews(db: pg.Pool, flags: readonly FlagRow[]): Promise<ReputationFlagView[]> {
  if (flags.length === 0) return [];
  const [evidence, covered] = await Promise.all([evidenceLines(db, flags), coveredPoints(db, flags)]);
  return flags.map((f) => ({
    id: f.id,
    member: { id: f.member_id },
    kind: f.kind,
    evidence: evidence.get(f.id) ?? [],
    status: f.status,
    raisedAt: f.raised_at,
    resolvedBy: f.resolved_by ? { id: f.resolved_by } : null,
    resolutionNote: f.resolution_note,
    resolvedAt: f.resolved_at,
    description: f.description,
    members: f.member_ids.map((id) => ({ id })),
    requestIds: f.request_ids,
    coveredPoints: covered.get(f.id) ?? 0,
  }));
}

/** "2026-03-02T10:00:00.000Z HelpRequestCompleted: Ana helped Ben (advice call) [event …]". */
async function evidenceLines(db: pg.Pool, flags: readonly FlagRow[]): Promise<Map<string, string[]>> {
  const eventIds = [...new Set(flags.flatMap((f) => f.event_ids))];
  const { rows } = await db.query<{ event_id: string; type: string; occurred_at: Date; data: Record<string, string>; mentor: string | null; seeker: string | null }>({
    name: 'reputation-flag-evidence',
    text: `SELECT f.event_id, f.type, f.occurred_at, f.envelope->'data' AS data, m.display_name AS mentor, s.display_name AS seeker
             FROM reputation_facts f
             LEFT JOIN reputation_members m ON m.member_id = (f.envelope->'data'->>'mentorId')::uuid
             LEFT JOIN reputation_members s ON s.member_id = (f.envelope->'data'->>'seekerId')::uuid
            WHERE f.event_id = ANY($1::uuid[])`,
    values: [eventIds],
  });
  const byId = new Map(rows.map((r) => [r.event_id, r]));
  const line = (id: string): string => {
    const r = byId.get(id);
    if (!r) return `event ${id}`;
    const kind = String(r.data.kind ?? '').toLowerCase().replace(/_/g, ' ');
    return `${r.occurred_at.toISOString()} ${r.type}: ${r.mentor ?? UNKNOWN_NAME} helped ${r.seeker ?? UNKNOWN_NAME} (${kind}) [event ${id}]`;
  };
  return new Map(flags.map((f) => [f.id, f.event_ids.map(line)]));
}

/** OPEN: the domain's flagCoverage over the lines of the flagged requests; REVERSED: the reversal lines' total. */
async function coveredPoints(db: pg.Pool, flags: readonly FlagRow[]): Promise<Map<string, number>> {
  const open = flags.filter((f) => f.status === FlagStatus.OPEN);
  const reversed = flags.filter((f) => f.status === FlagStatus.REVERSED && f.resolution_event_id);
  const result = new Map<string, number>();
  if (open.length > 0) {
    const entries = await entriesOfRequests(db, [...new Set(open.flatMap((f) => f.request_ids))]);
    for (const f of open) result.set(f.id, flagCoverage({ requestIds: f.request_ids } as ReputationFlag, entries).reduce((sum, e) => sum + e.points, 0));
  }
  if (reversed.length > 0) {
    const { rows } = await db.query<{ source_event_id: string; points: number }>({
      name: 'reputation-flag-reversed-points',
      text: `SELECT source_event_id, -sum(points)::int AS points FROM reputation_ledger
              WHERE rule_id = 'reversal.flag' AND source_event_id = ANY($1::uuid[]) GROUP BY source_event_id`,
      values: [reversed.map((f) => f.resolution_event_id)],
    });
    const bySource = new Map(rows.map((r) => [r.source_event_id, r.points]));
    for (const f of reversed) result.set(f.id, bySource.get(f.resolution_event_id!) ?? 0);
  }
  return result;
}

/** The lines of the requests and the reversal lines that cancel any of them (what "standing" depends on). */
async function entriesOfRequests(db: pg.Pool, requestIds: string[]): Promise<LedgerEntry[]> {
  const { rows } = await db.query<EntryRow>({
    name: 'reputation-ledger-of-requests',
    text: `WITH covered AS (SELECT * FROM reputation_ledger WHERE request_id = ANY($1::uuid[]))
           SELECT * FROM covered
           UNION ALL
           SELECT l.* FROM reputation_ledger l WHERE l.reverses && ARRAY(SELECT id FROM covered)`,
    values: [requestIds],
  });
  return rows.map(toEntry);
}

interface EntryRow {
  id: string;
  member_id: string;
  points: number;
  rule_id: string;
  rule_version: number;
  source_event_id: string;
  reason: string;
  occurred_at: Date;
  request_id: string | null;
  counterparties: string[];
  qualified_by: string[];
  reverses: string[];
  voided_by: string | null;
}

const toEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  memberId: r.member_id,
  points: r.points,
  ruleId: r.rule_id as RuleId,
  ruleVersion: r.rule_version,
  sourceEventId: r.source_event_id,
  reason: r.reason,
  occurredAt: r.occurred_at.toISOString(),
  requestId: r.request_id,
  counterparties: r.counterparties,
  qualifiedBy: r.qualified_by,
  reverses: r.reverses,
  voidedBy: r.voided_by,
});
