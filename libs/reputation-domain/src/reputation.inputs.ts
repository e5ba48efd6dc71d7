import type {
  DomainEvent,
  FeedbackLeft,
  HelpRequestCompleted,
  HelpRequestDeclined,
  HelpRequestExpired,
  HelpRequestWithdrawn,
  IntroConsented,
  IntroDeclined,
  MemberReinstatedData as MemberReinstatedEventData,
  MemberSuspendedData as MemberSuspendedEventData,
  NoShowReported,
  ReferralOutcomeReported,
  ReferralVouched,
} from '@payforward/contracts';

/**
 * What the reputation ledger is a function of: marketplace help-request events, identity's
 * suspension facts and the reputation service's own admin events. Each is an event as it
 * travels (an envelope carries `id` and `occurredAt`, so an `EventEnvelope` fits as is).
 * `occurredAt` is the one clock: ordering, caps and windows all read it.
 */
export type Fact<E extends { type: string; data: unknown }> = E & { id: string; occurredAt: string };

/**
 * Identity's suspension facts, exactly as identity publishes them (the contracts' schemas):
 * aliased rather than redeclared, so a change on either side fails the type check here.
 * `forFraud` is explicit because only a fraud suspension reverses the points others earned
 * with that member (a suspension for, say, rudeness does not taint real help).
 */
export type MemberSuspendedData = MemberSuspendedEventData;
export type MemberReinstatedData = MemberReinstatedEventData;
export type MemberSuspended = DomainEvent<'MemberSuspended', MemberSuspendedData>;
export type MemberReinstated = DomainEvent<'MemberReinstated', MemberReinstatedData>;

/** The reputation service's own stream: admin review decisions, each with who, why and when. */
export interface FlagResolutionData {
  flagId: string;
  memberIds?: string[];
  adminId: string;
  /** Mandatory: why the admin decided so (shown in the audit trail and the ledger). */
  note: string;
  at: string;
}
export interface ReputationAdjustedData {
  memberId: string;
  /** Non-zero; positive or negative. */
  points: number;
  /** Mandatory, shown in the member's ledger. */
  reason: string;
  adminId: string;
  at: string;
}
export type FlagDismissed = DomainEvent<'FlagDismissed', FlagResolutionData>;
export type FlagReversed = DomainEvent<'FlagReversed', FlagResolutionData>;
export type ReputationAdjusted = DomainEvent<'ReputationAdjusted', ReputationAdjustedData>;
export type ReputationAdminEvent = FlagDismissed | FlagReversed | ReputationAdjusted;

/** The reputation stream is named `reputation-admin` (one stream: admin actions are rare). */
export const REPUTATION_ADMIN_STREAM = 'reputation-admin';

export type ReputationInput =
  | Fact<HelpRequestCompleted>
  | Fact<FeedbackLeft>
  | Fact<ReferralVouched>
  | Fact<ReferralOutcomeReported>
  | Fact<IntroConsented>
  | Fact<NoShowReported>
  // Zero-point facts: listed so "declining costs nothing" is a decision in code, not an omission.
  | Fact<HelpRequestDeclined>
  | Fact<HelpRequestExpired>
  | Fact<HelpRequestWithdrawn>
  | Fact<IntroDeclined>
  | Fact<MemberSuspended>
  | Fact<MemberReinstated>
  | Fact<FlagDismissed>
  | Fact<FlagReversed>
  | Fact<ReputationAdjusted>;

export const REPUTATION_INPUT_TYPES: ReadonlySet<string> = new Set<ReputationInput['type']>([
  'HelpRequestCompleted',
  'FeedbackLeft',
  'ReferralVouched',
  'ReferralOutcomeReported',
  'IntroConsented',
  'NoShowReported',
  'HelpRequestDeclined',
  'HelpRequestExpired',
  'HelpRequestWithdrawn',
  'IntroDeclined',
  'MemberSuspended',
  'MemberReinstated',
  'FlagDismissed',
  'FlagReversed',
  'ReputationAdjusted',
]);

/** For consumers: does this (already validated) envelope feed the ledger? Others are skipped. */
export const isReputationInput = (event: { type: string; id: string; occurredAt: string }): event is ReputationInput =>
  REPUTATION_INPUT_TYPES.has(event.type);

/**
 * The total order the ledger is derived in: event time, then event id. Any delivery order
 * (partitions interleaved, redeliveries) sorts to the same sequence, so the ledger is the same.
 */
export function compareFacts(a: Pick<ReputationInput, 'id' | 'occurredAt'>, b: Pick<ReputationInput, 'id' | 'occurredAt'>): number {
  const byTime = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorted by `compareFacts`, each event id once (a redelivered copy is the same event). */
export function orderFacts(facts: readonly ReputationInput[]): ReputationInput[] {
  const seen = new Set<string>();
  const unique: ReputationInput[] = [];
  for (const fact of facts) {
    if (seen.has(fact.id)) continue;
    seen.add(fact.id);
    unique.push(fact);
  }
  return unique.sort(compareFacts);
}
