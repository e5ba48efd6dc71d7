import { HELP_KINDS, type HelpKind, type Party } from '@payforward/contracts';
import fc from 'fast-check';
import { deriveLedger } from './ledger.fold.js';
import { LedgerProjector } from './ledger.projector.js';
import type { SnapshotOptions } from './ledger.snapshots.js';
import type { LedgerEntry, ReputationFlag, ReputationLedger } from './ledger.types.js';
import type { ReputationInput } from './reputation.inputs.js';
import { LIMITS, RULEBOOK } from './rulebook.js';
import { adjusted, ana, at, ben, cleo, dana, eli, engagement, flagDismissed, flagReversed, names, reinstated, sam, suspended, uuid } from './reputation.spec.fixtures.js';

/**
 * Properties over random but consistent event logs: requests among eight members walk the
 * marketplace lifecycle (completion with consent/vouch/outcome/feedback, or a decline, expiry,
 * withdrawal, no-show), members get suspended and reinstated, admins adjust scores and resolve
 * flags the log actually raised. Times cluster on a few days (caps, bursts, reciprocity) or
 * spread over more than a year (decay and pay-forward windows).
 */

const MEMBERS = [ana, ben, cleo, dana, eli, sam, uuid(7), uuid(8)];
const N = MEMBERS.length;
const MINUTE = 60_000;
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

const requestArb = fc.record({
  // A busy mentor (Ana) gets most requests, so one-day scenarios reach the cap and bursts.
  mentor: fc.oneof(fc.constant(0), fc.nat(N - 1)),
  shift: fc.integer({ min: 1, max: N - 1 }),
  kind: fc.constantFrom<HelpKind>(...HELP_KINDS),
  /** Where in the scenario's span of days the request starts (per mille). */
  dayPosition: fc.integer({ min: 0, max: 1000 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  path: fc.constantFrom('complete', 'complete', 'complete', 'decline', 'expire', 'withdraw', 'noShow', 'introDeclined'),
  seekerRating: fc.option(fc.integer({ min: 1, max: 5 })),
  mentorRating: fc.option(fc.integer({ min: 1, max: 5 })),
  absent: fc.constantFrom<Party>('SEEKER', 'MENTOR'),
  reporter: fc.constantFrom<Party>('SEEKER', 'MENTOR'),
  grounded: fc.boolean(),
  outcome: fc.option(fc.constantFrom('INTERVIEWED' as const, 'HIRED' as const, 'NOT_SELECTED' as const)),
  gaps: fc.array(fc.integer({ min: 1, max: 3 * 1440 }), { minLength: 4, maxLength: 4 }),
});
type RequestPlan = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function requestStream(plan: RequestPlan, spanDays: number): ReputationInput[] {
  const mentorId = MEMBERS[plan.mentor]!;
  const seekerId = MEMBERS[(plan.mentor + plan.shift) % N]!;
  const e = engagement(mentorId, seekerId, plan.kind);
  let t = at(Math.floor((plan.dayPosition / 1000) * spanDays), 0, plan.minute);
  const next = (i: number) => (t = plus(t, plan.gaps[i]!));
  const scheduled = plan.kind === 'ADVICE_CALL' || plan.kind === 'MOCK_INTERVIEW';
  if (plan.path === 'decline') return [e.declined(plan.kind === 'REFERRAL' ? 'DONT_KNOW_YOU_WELL_ENOUGH' : 'NO_CAPACITY', t)];
  if (plan.path === 'expire') return [e.expired(plus(t, 7 * 1440))];
  if (plan.path === 'withdraw') return [e.withdrawn(t)];
  if (plan.path === 'noShow' && scheduled) return [e.noShow(plan.absent, plan.reporter, t)];
  const target = MEMBERS[(plan.mentor + plan.shift + 1) % N]!;
  if (plan.kind === 'INTRO' && plan.path === 'introDeclined') return [e.introDeclined(target, t)];
  const facts: ReputationInput[] = [];
  if (plan.kind === 'INTRO') facts.push(e.consented(target, next(0)));
  if (plan.kind === 'REFERRAL') {
    facts.push(e.vouched(next(0), { completedEngagementsWithGoodRating: plan.grounded ? 1 : 0, workedTogetherConfirmed: false }));
  }
  facts.push(e.completed(next(1)));
  if (plan.kind === 'REFERRAL' && plan.outcome) facts.push(e.outcome(plan.outcome, next(2)));
  if (plan.seekerRating !== null) facts.push(e.feedback('SEEKER', plan.seekerRating, next(3)));
  if (plan.mentorRating !== null) facts.push(e.feedback('MENTOR', plan.mentorRating, plus(t, 1)));
  return facts;
}

const scenarioArb = fc.record({
  // One day (bursts, caps), a few days (reciprocity, 1/k) or more than a year (windows).
  spanDays: fc.constantFrom(0, 0, 2, 30, 450),
  // size 'max': without it fast-check keeps logs short and the caps are never reached.
  requests: fc.array(requestArb, { minLength: 1, maxLength: 50, size: 'max' }),
  suspensions: fc.array(fc.record({ member: fc.nat(N - 1), day: fc.integer({ min: 0, max: 60 }), forFraud: fc.boolean(), reinstateAfter: fc.option(fc.integer({ min: 1, max: 20 })) }), {
    maxLength: 2,
  }),
  adjustments: fc.array(fc.record({ member: fc.nat(N - 1), day: fc.integer({ min: 0, max: 60 }), points: fc.integer({ min: -20, max: 20 }).filter((p) => p !== 0) }), { maxLength: 2 }),
  flagActions: fc.array(fc.record({ pick: fc.nat(), reverse: fc.boolean(), delayMinutes: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 3 }),
});

/** The log as streams (each in its own order), and all of it. */
function buildLog(scenario: typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never): { streams: ReputationInput[][]; facts: ReputationInput[] } {
  const streams = scenario.requests.map((plan) => requestStream(plan, scenario.spanDays));
  const identity = new Map<string, ReputationInput[]>();
  for (const s of scenario.suspensions) {
    const member = MEMBERS[s.member]!;
    const when = at(s.day, 12);
    const facts = identity.get(member) ?? [];
    facts.push(suspended(member, when, s.forFraud));
    if (s.reinstateAfter !== null) facts.push(reinstated(member, at(s.day + s.reinstateAfter, 12)));
    identity.set(member, facts);
  }
  for (const facts of identity.values()) streams.push(facts.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)));
  const admin: ReputationInput[] = scenario.adjustments.map((a) => adjusted(MEMBERS[a.member]!, a.points, 'Correction after a support ticket', at(a.day, 18)));
  // Admins can only resolve flags the log raised: derive once, then act on those flags.
  const raised = deriveLedger([...streams.flat(), ...admin], names).flags;
  for (const action of scenario.flagActions) {
    if (raised.length === 0) break;
    const flag = raised[action.pick % raised.length]!;
    const when = plus(flag.raisedAt, action.delayMinutes);
    admin.push(action.reverse ? flagReversed(flag.id, when) : flagDismissed(flag.id, when));
  }
  streams.push(admin.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)));
  return { streams, facts: streams.flat() };
}

/** A random merge of the streams that keeps each stream's own order (as partitions do). */
function interleave(streams: ReputationInput[][], seed: number): ReputationInput[] {
  const queues = streams.map((s) => [...s]).filter((s) => s.length > 0);
  const out: ReputationInput[] = [];
  let state = seed >>> 0;
  while (queues.length > 0) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const i = state % queues.length;
    out.push(queues[i]!.shift()!);
    if (queues[i]!.length === 0) queues.splice(i, 1);
  }
  return out;
}

const runs = { numRuns: 100 };
const logArb = fc.tuple(scenarioArb, fc.nat()).map(([scenario, seed]) => ({ ...buildLog(scenario), seed }));

describe('reputation ledger properties', () => {
  it('(a) full redelivery, and random duplicates, give the same ledger as once', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat()), ({ facts }, dupes) => {
        const once = deriveLedger(facts, names);
        expect(deriveLedger([...facts, ...facts], names)).toEqual(once);
        expect(deriveLedger([...facts, ...dupes.map((d) => facts[d % facts.length]!)], names)).toEqual(once);
      }),
      runs,
    );
  });

  it('(b) the incremental projector, fed event by event in delivery order with redeliveries, equals the full recompute', () => {
    projectorEqualsRecompute(undefined);
  });

  it("(b') the same with checkpoints every 4 facts, only 3 kept (late facts replay from a checkpoint or from the start)", () => {
    projectorEqualsRecompute({ snapshotEvery: 4, maxSnapshots: 3 });
  });

  it("(b'') the same fed in batches of random sizes (applyAll), with checkpoints every 4 facts", () => {
    projectorEqualsRecompute({ snapshotEvery: 4, maxSnapshots: 3 }, true);
  });

  function projectorEqualsRecompute(options: SnapshotOptions | undefined, batched = false): void {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(), { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1 }), ({ streams, facts, seed }, dupes, sizes) => {
        const delivery = interleave([...streams, dupes.map((d) => facts[d % facts.length]!)], seed);
        const projector = new LedgerProjector(names, options);
        const stored = new Map<string, LedgerEntry>();
        const storedFlags = new Map<string, ReputationFlag>();
        const batches: ReputationInput[][] = [];
        for (let i = 0, k = 0; i < delivery.length; k++) {
          const size = batched ? sizes[k % sizes.length]! : 1;
          batches.push(delivery.slice(i, i + size));
          i += size;
        }
        for (const batch of batches) {
          const change = batched ? projector.applyAll(batch) : projector.apply(batch[0]!);
          for (const id of change.removed) stored.delete(id);
          for (const entry of change.upserted) stored.set(entry.id, entry);
          for (const id of change.removedFlags) storedFlags.delete(id);
          for (const flag of change.flags) storedFlags.set(flag.id, flag);
        }
        const reference = deriveLedger(facts, names);
        expect(projector.ledger()).toEqual(reference);
        // What a projection would have written from the changes is the reference too.
        expect([...stored.values()].sort(byId)).toEqual([...reference.entries].sort(byId));
        expect([...storedFlags.values()].sort(byId)).toEqual([...reference.flags].sort(byId));
      }),
      { numRuns: 50 },
    );
  }

  it('(c) every entry, reversal and flag points at events and entries that exist', () => {
    fc.assert(
      fc.property(logArb, ({ facts }) => {
        const ids = new Set(facts.map((f) => f.id));
        const ledger = deriveLedger(facts, names);
        const entryIds = new Set(ledger.entries.map((e) => e.id));
        expect(entryIds.size).toBe(ledger.entries.length);
        for (const entry of ledger.entries) {
          expect(ids.has(entry.sourceEventId)).toBe(true);
          for (const reversed of entry.reverses) expect(entryIds.has(reversed)).toBe(true);
        }
        for (const flag of ledger.flags) for (const id of flag.evidence.eventIds) expect(ids.has(id)).toBe(true);
      }),
      runs,
    );
  });

  it('(d) shuffling events across streams while keeping per-stream order gives the same ledger', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), ({ streams, facts }, seed) => {
        expect(deriveLedger(interleave(streams, seed), names)).toEqual(deriveLedger(facts, names));
      }),
      runs,
    );
  });

  it('(e) scores are the sums of the lines, caps hold, saying no writes nothing, and nothing is reversed twice', () => {
    fc.assert(
      fc.property(logArb, ({ facts }) => {
        const ledger = deriveLedger(facts, names);
        expectConsistent(ledger, facts);
      }),
      runs,
    );
  });
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

function expectConsistent(ledger: ReputationLedger, facts: readonly ReputationInput[]): void {
  for (const summary of ledger.summaries) {
    const lines = ledger.entries.filter((e) => e.memberId === summary.memberId);
    expect(summary.score).toBe(lines.reduce((sum, e) => sum + e.points, 0));
  }
  const capUse = new Map<string, number>();
  for (const e of ledger.entries) {
    if (!RULEBOOK[e.ruleId].capped) continue;
    expect(e.points).toBeGreaterThanOrEqual(0);
    const key = `${e.memberId}|${e.occurredAt.slice(0, 10)}`;
    capUse.set(key, (capUse.get(key) ?? 0) + e.points);
  }
  for (const used of capUse.values()) expect(used).toBeLessThanOrEqual(LIMITS.dailyHelpCap);
  const saysNo = new Set(facts.filter((f) => ['HelpRequestDeclined', 'HelpRequestExpired', 'HelpRequestWithdrawn', 'IntroDeclined'].includes(f.type)).map((f) => f.id));
  expect(ledger.entries.filter((e) => saysNo.has(e.sourceEventId))).toEqual([]);
  const reversed = ledger.entries.flatMap((e) => e.reverses);
  expect(new Set(reversed).size).toBe(reversed.length);
}
