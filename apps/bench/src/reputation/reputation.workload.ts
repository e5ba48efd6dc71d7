// The reputation benchmark's marketplace: members and help requests living their whole
// lifecycle (submitted, accepted, completed with feedback; declined, withdrawn, expired;
// no-shows; double-opt-in intros; vouched referrals with outcomes), with the patterns the
// rulebook looks for — mentors who were seekers before (pay it forward, ripples), repeat pairs
// (1/k decay), reciprocal pairs within 7 days and busy mentors (flags, daily caps). Events are
// valid by the contracts' schemas, as the marketplace and identity services would publish them.
import { v7 as uuidv7 } from 'uuid';
import { helpRequestStreamId, memberStreamId, validateEnvelope, type EventEnvelope, type HelpKind } from '@payforward/contracts';

/** One step of a request's life: an event type and its data, at the time it happens. */
export interface RequestStep {
  type: string;
  data: (at: string) => Record<string, unknown>;
  /** Hours after the previous step (the catch-up log's timeline; the live load ignores it). */
  afterHours: number;
}

export interface RequestPlan {
  streamId: string;
  mentorId: string;
  seekerId: string;
  steps: RequestStep[];
}

export type Rng = () => number;

/** mulberry32: a small seeded generator, so every round and contender sees the same log. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, low: number, high: number): number => low + rng() * (high - low);

const KINDS: readonly [HelpKind, number][] = [['ADVICE_CALL', 0.35], ['RESUME_REVIEW', 0.25], ['MOCK_INTERVIEW', 0.15], ['INTRO', 0.12], ['REFERRAL', 0.13]];
const MESSAGE = 'Hi! I am moving from QA into backend engineering and would value your view on how to plan the switch.';
const NAMES = ['Dana', 'Sam', 'Ana', 'Ben', 'Cleo', 'Ravi', 'Mei', 'Tomás', 'Ines', 'Kofi', 'Lena', 'Omar', 'Yuki', 'Zoe', 'Jonas', 'Priya'];

function weighted<T>(rng: Rng, options: readonly [T, number][]): T {
  let r = rng() * options.reduce((n, [, w]) => n + w, 0);
  for (const [value, weight] of options) if ((r -= weight) < 0) return value;
  return options[options.length - 1]![0];
}

/**
 * The steps of one request between a mentor and a seeker (and, for an intro, a target), by the
 * marketplace's rules: an intro completes after the target consented, a referral after the
 * vouch, feedback and outcomes come after completion, no-shows only for scheduled kinds.
 */
export function planRequest(rng: Rng, mentorId: string, seekerId: string, introTargetId: string, kind = weighted(rng, KINDS)): RequestPlan {
  const requestId = uuidv7();
  const ids = { requestId, offerId: uuidv7(), mentorId, seekerId, kind };
  const scheduled = kind === 'ADVICE_CALL' || kind === 'MOCK_INTERVIEW';
  const duration = scheduled ? 60 : null;
  const steps: RequestStep[] = [];
  const step = (type: string, afterHours: number, data: (at: string) => Record<string, unknown>) => steps.push({ type, afterHours, data: (at) => ({ ...ids, ...data(at) }) });
  const periodKey = (at: string) => at.slice(0, 7);

  step('HelpRequestSubmitted', 0, (at) => ({
    message: MESSAGE,
    goal: 'A concrete plan for my next three months.',
    introTargetId: kind === 'INTRO' ? introTargetId : null,
    durationMinutes: duration,
    referral: kind === 'REFERRAL' ? { minCompletedEngagements: 1, workedTogetherOnly: false, evidence: { completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false } } : null,
    submittedAt: at,
    expiresAt: new Date(Date.parse(at) + 7 * 86_400_000).toISOString(),
  }));
  const ending = weighted(rng, [['completed', 0.64], ['declined', 0.14], ['withdrawn', 0.05], ['expired', 0.06], ['no-show', scheduled ? 0.11 : 0]] as const);
  if (ending === 'declined') {
    step('HelpRequestDeclined', between(rng, 2, 48), (at) => ({ reason: 'NO_CAPACITY', note: null, guidance: 'Try another mentor with open capacity this week.', declinedAt: at }));
    return { streamId: helpRequestStreamId(requestId), mentorId, seekerId, steps };
  }
  if (ending === 'withdrawn' || ending === 'expired') {
    if (ending === 'withdrawn') step('HelpRequestWithdrawn', between(rng, 2, 72), (at) => ({ withdrawnAt: at }));
    else step('HelpRequestExpired', 168, (at) => ({ guidance: 'This request expired unanswered; try another mentor.', expiredAt: at }));
    return { streamId: helpRequestStreamId(requestId), mentorId, seekerId, steps };
  }
  step('HelpRequestAccepted', between(rng, 1, 48), (at) => ({ scheduledAt: scheduled ? at : null, durationMinutes: duration, capacityPeriodKey: periodKey(at), acceptedAt: at }));
  if (ending === 'no-show') {
    const absent = rng() < 0.6 ? 'SEEKER' : 'MENTOR';
    step('NoShowReported', between(rng, 24, 96), (at) => ({ absent, reportedBy: absent === 'SEEKER' ? 'MENTOR' : 'SEEKER', scheduledAt: at, reportedAt: at }));
    return { streamId: helpRequestStreamId(requestId), mentorId, seekerId, steps };
  }
  if (kind === 'INTRO') {
    if (rng() < 0.2) {
      step('IntroDeclined', between(rng, 2, 48), (at) => ({ introTargetId, consent: false, guidance: 'The introduction did not work out; ask about another contact.', capacityPeriodKey: periodKey(at), respondedAt: at }));
      return { streamId: helpRequestStreamId(requestId), mentorId, seekerId, steps };
    }
    step('IntroConsented', between(rng, 2, 48), (at) => ({ introTargetId, consent: true, respondedAt: at }));
  }
  if (kind === 'REFERRAL') {
    step('ReferralVouched', between(rng, 2, 48), (at) => ({
      statement: 'I worked with them for two years and would hire them again.',
      basis: { completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false },
      vouchedAt: at,
    }));
  }
  step('HelpRequestCompleted', between(rng, 24, 168), (at) => ({ scheduledAt: scheduled ? at : null, completedAt: at }));
  if (rng() < 0.8) {
    const rating = weighted(rng, [[5, 0.5], [4, 0.3], [3, 0.15], [2, 0.05]] as const);
    step('FeedbackLeft', between(rng, 1, 72), (at) => ({ side: 'SEEKER', rating, note: null, leftAt: at }));
  }
  if (rng() < 0.5) step('FeedbackLeft', between(rng, 1, 72), (at) => ({ side: 'MENTOR', rating: 5, note: null, leftAt: at }));
  if (kind === 'REFERRAL') {
    const outcome = weighted(rng, [['HIRED', 0.3], ['INTERVIEWED', 0.4], ['NOT_SELECTED', 0.3]] as const);
    step('ReferralOutcomeReported', between(rng, 72, 500), (at) => ({ outcome, reportedAt: at }));
  }
  return { streamId: helpRequestStreamId(requestId), mentorId, seekerId, steps };
}

/** Members with names; 40% of them also mentor (everyone can be a seeker). */
export function members(rng: Rng, count: number): { ids: string[]; mentors: string[]; names: Map<string, string> } {
  const ids = Array.from({ length: count }, () => uuidv7());
  const names = new Map(ids.map((id, i) => [id, `${pick(rng, NAMES)} ${String.fromCharCode(65 + (i % 26))}.`]));
  return { ids, mentors: ids.filter(() => rng() < 0.4), names };
}

/**
 * Who helps whom next: mostly a random mentor and seeker, sometimes the same pair again (decay),
 * the reverse of a recent pair (reciprocal), or a seeker who was helped turning mentor (pay forward).
 */
export function pairPicker(rng: Rng, people: { ids: string[]; mentors: string[] }) {
  const recent: [string, string][] = [];
  return (): [string, string] => {
    const r = rng();
    let pair: [string, string];
    if (r < 0.15 && recent.length > 0) pair = pick(rng, recent.slice(-200));
    else if (r < 0.2 && recent.length > 0) pair = [...pick(rng, recent.slice(-50))].reverse() as [string, string];
    else if (r < 0.35 && recent.length > 0) pair = [pick(rng, recent.slice(-500))[1], pick(rng, people.ids)];
    else pair = [pick(rng, people.mentors), pick(rng, people.ids)];
    if (pair[0] === pair[1]) pair = [pair[0], people.ids[(people.ids.indexOf(pair[1]) + 1) % people.ids.length]!];
    recent.push(pair);
    return pair;
  };
}

export function memberRegistered(memberId: string, displayName: string, at: string): EventEnvelope {
  return envelope('MemberRegistered', memberStreamId(memberId), 1, at, { memberId, email: `m-${memberId.slice(-12)}@example.com`, displayName, headline: null, timezone: 'UTC', roles: ['MEMBER'] }, memberId);
}

export function envelope(type: string, streamId: string, version: number, occurredAt: string, data: Record<string, unknown>, actor: string): EventEnvelope {
  const candidate = { id: uuidv7(), type, streamId, version, occurredAt, schemaVersion: 1, metadata: { actor, correlationId: uuidv7(), causationId: null }, data };
  const check = validateEnvelope(candidate);
  if (!check.ok) throw new Error(`the benchmark built an invalid ${type}: ${check.reason}`);
  return check.envelope;
}

export interface MarketplaceLog {
  registrations: EventEnvelope[];
  helpRequests: EventEnvelope[];
  members: number;
  requests: number;
}

/**
 * About `events` events over a year: registrations first, then requests submitted at random
 * times, each step some hours after the last; a few mentors get bursts of same-day requests.
 * Sorted by event time, as the producers would have appended them.
 */
export function marketplaceLog(events: number, seed = 42): MarketplaceLog {
  const rng = seededRng(seed);
  const start = Date.UTC(2025, 0, 6);
  const people = members(rng, Math.min(2_000, Math.max(40, Math.round(events / 25))));
  const registrations = people.ids.map((id, i) => memberRegistered(id, people.names.get(id)!, new Date(start + i * 60_000).toISOString()));
  const nextPair = pairPicker(rng, people);
  const helpRequests: EventEnvelope[] = [];
  let requests = 0;
  while (registrations.length + helpRequests.length < events) {
    const [mentorId, seekerId] = nextPair();
    const day = start + 86_400_000 * (1 + Math.floor(rng() * 365));
    const burst = rng() < 0.01; // a busy day: more than 5 completions by one mentor
    for (let b = 0; b < (burst ? 7 : 1); b++) {
      const seeker = b === 0 ? seekerId : pick(rng, people.ids.filter((id) => id !== mentorId));
      const plan = planRequest(rng, mentorId, seeker, pick(rng, people.ids), burst ? 'RESUME_REVIEW' : undefined);
      let at = burst ? day + 8 * 3_600_000 + b * 600_000 : day + rng() * 86_400_000;
      plan.steps.forEach((s, i) => {
        at += (burst ? 0.5 : s.afterHours) * 3_600_000 * (i === 0 ? 0 : 1);
        const occurredAt = new Date(at).toISOString();
        const actor = s.type === 'HelpRequestSubmitted' || s.type === 'HelpRequestWithdrawn' ? seeker : mentorId;
        helpRequests.push(envelope(s.type, plan.streamId, i + 1, occurredAt, s.data(occurredAt), actor));
      });
      requests++;
    }
  }
  helpRequests.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return { registrations, helpRequests, members: people.ids.length, requests };
}
