import { badInput, CAPACITY_PERIODS, HELP_KINDS, isScheduledKind, type CapacityPeriod, type HelpKind } from '@payforward/contracts';
import { boundedInteger, boundedText, oneOf } from '../shared/input.rules.js';

/** Offer bounds (DESIGN §2.2): every offer is bounded in count, and calls in length. */
export const OFFER_RULES = {
  title: { min: 5, max: 100 },
  description: { min: 20, max: 2000 },
  topics: { minCount: 1, maxCount: 10, min: 2, max: 40 },
  capacity: { min: 1, max: 50 },
  durationMinutes: { min: 15, max: 180 },
  /** A referral needs at least one completed engagement (or an attestation): never zero. */
  minCompletedEngagements: { min: 1, max: 20, default: 1 },
} as const;

export const validKind = (kind: unknown): HelpKind => oneOf(kind, HELP_KINDS, 'input.kind', 'The kind of help');
export const validPeriod = (period: unknown): CapacityPeriod => oneOf(period, CAPACITY_PERIODS, 'input.period', 'The capacity period');

export const validTitle = (title: unknown): string =>
  boundedText(title, 'input.title', 'The title', OFFER_RULES.title.min, OFFER_RULES.title.max);

export const validDescription = (description: unknown): string =>
  boundedText(description, 'input.description', 'The description', OFFER_RULES.description.min, OFFER_RULES.description.max);

export const validCapacity = (capacity: unknown): number =>
  boundedInteger(capacity, 'input.capacity', 'Capacity', OFFER_RULES.capacity.min, OFFER_RULES.capacity.max);

/**
 * Topics are tags seekers search by, so they are compared case- and spacing-insensitively:
 * trimmed, inner whitespace collapsed, lower-cased, duplicates dropped (first one wins).
 */
export function normalizeTopics(topics: unknown): string[] {
  const { minCount, maxCount, min, max } = OFFER_RULES.topics;
  if (!Array.isArray(topics)) throw badInput('input.topics', 'Topics must be a list.');
  const normalized: string[] = [];
  for (const topic of topics) {
    if (typeof topic !== 'string') throw badInput('input.topics', 'Each topic must be text.');
    const tag = topic.trim().replace(/\s+/g, ' ').toLowerCase();
    if (tag.length < min || tag.length > max) {
      throw badInput('input.topics', `Each topic must be ${min}–${max} characters ("${tag.slice(0, 50)}" is not).`);
    }
    if (!normalized.includes(tag)) normalized.push(tag);
  }
  if (normalized.length < minCount) throw badInput('input.topics', 'Give at least one topic.');
  if (normalized.length > maxCount) throw badInput('input.topics', `Give at most ${maxCount} topics (there are ${normalized.length}).`);
  return normalized;
}

/** Calls need a length to be scheduled; for every other kind a duration means nothing and is dropped. */
export function durationFor(kind: HelpKind, durationMinutes: unknown): number | null {
  if (!isScheduledKind(kind)) return null;
  const { min, max } = OFFER_RULES.durationMinutes;
  if (durationMinutes === undefined || durationMinutes === null) {
    throw badInput('input.durationMinutes', `A call needs a duration (${min}–${max} minutes).`);
  }
  return boundedInteger(durationMinutes, 'input.durationMinutes', 'The duration in minutes', min, max);
}

/**
 * REFERRAL always requires a relationship — the product's core invariant — so the requirement
 * can be made stricter but never lower than one engagement; other kinds carry none.
 */
export function minEngagementsFor(kind: HelpKind, minCompletedEngagements: unknown): number | null {
  if (kind !== 'REFERRAL') return null;
  const { min, max } = OFFER_RULES.minCompletedEngagements;
  if (minCompletedEngagements === undefined || minCompletedEngagements === null) return OFFER_RULES.minCompletedEngagements.default;
  if (typeof minCompletedEngagements === 'number' && Number.isInteger(minCompletedEngagements) && minCompletedEngagements < min) {
    throw badInput('input.minCompletedEngagements', 'Referrals always require a relationship: at least 1 completed engagement.');
  }
  return boundedInteger(minCompletedEngagements, 'input.minCompletedEngagements', 'The required completed engagements', min, max);
}

export const workedTogetherOnlyFor = (kind: HelpKind, workedTogetherOnly: unknown): boolean =>
  kind === 'REFERRAL' && workedTogetherOnly === true;
