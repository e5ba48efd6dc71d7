import type { Badge, Level, RuleId } from './rulebook.js';

/**
 * One ledger line: one per (member, rule, source event), append-only. Points are never
 * edited or deleted; a correction is a new (reversal) entry that names what it cancels.
 */
export interface LedgerEntry {
  /** UUIDv5 of `member|rule|sourceEventId`: the same line gets the same id on every replay. */
  id: string;
  memberId: string;
  points: number;
  ruleId: RuleId;
  ruleVersion: number;
  sourceEventId: string;
  /** Human explanation, e.g. "+10 advice call completed for Dana". */
  reason: string;
  /** The source event's time (ISO, UTC). */
  occurredAt: string;
  /** The help request the points came from (what a flag reversal covers); null for admin lines. */
  requestId: string | null;
  /** Members whose good standing the points rest on: a fraud suspension of any reverses them. */
  counterparties: string[];
  /** Pay-forward only: the mentors whose help qualified it; reversed when all are suspended for fraud. */
  qualifiedBy: string[];
  /** Reversal lines: the ids of the entries they cancel. */
  reverses: string[];
  /**
   * Set when the entry was born worth 0 because what it rests on was already void (a
   * counterparty suspended for fraud, or the request's flag reversed): the event that voided it.
   */
  voidedBy: string | null;
}

export type FlagKind = 'RECIPROCAL_PAIR' | 'BURST';
export type FlagStatus = 'OPEN' | 'DISMISSED' | 'REVERSED';

export interface FlagResolution {
  status: Exclude<FlagStatus, 'OPEN'>;
  adminId: string;
  note: string;
  at: string;
  /** The admin event that resolved it. */
  eventId: string;
}

/**
 * A suspicion for the admin review queue. Flags never change points by themselves; while
 * OPEN their evidence keeps growing (another reciprocal session, another completion that day).
 */
export interface ReputationFlag {
  /** UUIDv5 of the kind and what it is about, stable across replays so admins can name it. */
  id: string;
  kind: FlagKind;
  /** The member the flag is about (the mentor whose completion raised it). */
  memberId: string;
  evidence: { eventIds: string[]; memberIds: string[] };
  /** The help requests whose points a reversal would cancel. */
  requestIds: string[];
  /** For the queue, e.g. "Dana and Sam helped each other within 7 days (2 completions)". */
  description: string;
  raisedAt: string;
  status: FlagStatus;
  resolution: FlagResolution | null;
}

export interface MemberSummary {
  memberId: string;
  /** Sum of the member's ledger points. */
  score: number;
  level: Level;
  badges: Badge[];
  /** Pay-forward entries that stand (not reversed, not voided). */
  paidForwardCount: number;
  /** Intro completions that stand (not reversed, not voided). */
  completedIntros: number;
}

export interface ReputationLedger {
  /** In derivation order: by source event (time, id), then as each rule produced them. */
  entries: LedgerEntry[];
  /** In the order they were raised. */
  flags: ReputationFlag[];
  /** One per member with at least one entry, by member id. */
  summaries: MemberSummary[];
}

/** Display names; an erased member's lookup returns e.g. "Erased member". */
export type NameLookup = (memberId: string) => string;
