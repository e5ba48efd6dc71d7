import fc from 'fast-check';
import { deriveLedger, type LedgerEntry, type ReputationFlag, type ReputationInput } from '@payforward/reputation-domain';
import { NO_EFFECT_TYPES } from '@payforward/reputation-domain';
import { LedgerCache, UNKNOWN_NAME, type LedgerDiff } from './ledger.cache.js';

/**
 * The projection's in-memory ledger against the domain's reference: whatever order facts and
 * names arrive in, the diffs it reports, applied to a table, leave exactly deriveLedger's
 * result (the property the live tables and a rebuild's rely on).
 */
const uuid = (n: number): string => `0193a0b4-6f1e-7c3a-9d2e-${n.toString(16).padStart(12, '0')}`;
const MEMBERS = [1, 2, 3, 4, 5].map(uuid);
const NAMES = new Map(MEMBERS.map((m, i) => [m, ['Ana', 'Ben', 'Cleo', 'Dana', 'Eli'][i]!]));
const ADMIN = uuid(9);
NAMES.set(ADMIN, 'Alex');
const DAY = 86_400_000;

let counter = 1000;
const at = (minutes: number): string => new Date(Date.UTC(2026, 2, 2) + minutes * 60_000).toISOString();

function engagement(mentor: number, shift: number, minutes: number, rating: number | null, declined: boolean): ReputationInput[] {
  const ids = { requestId: uuid(counter++), offerId: uuid(counter++), mentorId: MEMBERS[mentor]!, seekerId: MEMBERS[(mentor + shift) % 5]!, kind: 'ADVICE_CALL' as const };
  const t = at(minutes);
  if (declined) {
    return [{ id: uuid(counter++), occurredAt: t, type: 'HelpRequestDeclined', data: { ...ids, reason: 'NO_CAPACITY', note: null, guidance: 'Try later.', declinedAt: t } }];
  }
  const facts: ReputationInput[] = [{ id: uuid(counter++), occurredAt: t, type: 'HelpRequestCompleted', data: { ...ids, scheduledAt: t, completedAt: t } }];
  if (rating !== null) {
    const later = at(minutes + 60);
    facts.push({ id: uuid(counter++), occurredAt: later, type: 'FeedbackLeft', data: { ...ids, side: 'SEEKER', rating, note: null, leftAt: later } });
  }
  return facts;
}

const logArb = fc
  .array(
    fc.record({
      mentor: fc.nat(4),
      shift: fc.integer({ min: 1, max: 4 }),
      minutes: fc.integer({ min: 0, max: (20 * DAY) / 60_000 }),
      rating: fc.option(fc.integer({ min: 1, max: 5 })),
      declined: fc.boolean(),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((plans) => {
    const facts = plans.flatMap((p) => engagement(p.mentor, p.shift, p.minutes, p.rating, p.declined && p.rating === null));
    const adjustedAt = at((21 * DAY) / 60_000);
    facts.push({ id: uuid(counter++), occurredAt: adjustedAt, type: 'ReputationAdjusted', data: { memberId: MEMBERS[0]!, points: 3, reason: 'Meetup', adminId: ADMIN, at: adjustedAt } });
    return facts;
  });

/** A table the diffs are written to, as the projection writes them. */
function table() {
  const entries = new Map<string, LedgerEntry>();
  const flags = new Map<string, ReputationFlag>();
  const summaries = new Map<string, unknown>();
  return {
    write(diff: LedgerDiff) {
      for (const id of diff.removed) entries.delete(id);
      for (const e of diff.upserted) entries.set(e.id, e);
      for (const id of diff.removedFlags) flags.delete(id);
      for (const f of diff.flags) flags.set(f.id, f);
      for (const s of diff.summaries) summaries.set(s.memberId, s);
    },
    entries,
    flags,
    summaries,
  };
}

const sorted = <T extends { id: string }>(items: Iterable<T>): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('LedgerCache', () => {
  it('given facts and names in any order, the written diffs equal the reference derivation', () => {
    fc.assert(
      fc.property(
        logArb.chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length }), fc.nat(facts.length))),
        ([facts, delivered, namesAt]) => {
          const names = new Map<string, string>();
          const cache = LedgerCache.from(names, []);
          const t = table();
          delivered.forEach((fact, i) => {
            if (i === namesAt) for (const [id, name] of NAMES) { const diff = cache.rename(id, name); if (diff) t.write(diff); }
            t.write(cache.apply(fact));
          });
          if (namesAt >= delivered.length) for (const [id, name] of NAMES) { const diff = cache.rename(id, name); if (diff) t.write(diff); }

          const reference = deriveLedger(facts, (id) => NAMES.get(id) ?? UNKNOWN_NAME);
          expect(sorted(t.entries.values())).toEqual(sorted(reference.entries));
          expect(sorted(t.flags.values())).toEqual(sorted(reference.flags));
          for (const s of reference.summaries) expect(t.summaries.get(s.memberId)).toEqual(s);
          expect(sorted(cache.ledger().entries)).toEqual(sorted(reference.entries));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('given batches of facts in any order, with the names in one of them, then the written diffs equal the reference derivation', () => {
    fc.assert(
      fc.property(
        logArb.chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length }), fc.nat(facts.length), fc.integer({ min: 1, max: 9 }))),
        ([facts, delivered, namesAt, size]) => {
          const cache = LedgerCache.from(new Map(), []);
          const t = table();
          for (let i = 0; i < delivered.length || i <= namesAt; i += size) {
            const names = namesAt >= i && namesAt < i + size ? NAMES : new Map<string, string>();
            t.write(cache.applyBatch(names, [...delivered.slice(i, i + size), ...delivered.slice(0, 1)])); // a redelivery too
          }
          const reference = deriveLedger(facts, (id) => NAMES.get(id) ?? UNKNOWN_NAME);
          expect(sorted(t.entries.values())).toEqual(sorted(reference.entries));
          expect(sorted(t.flags.values())).toEqual(sorted(reference.flags));
          for (const s of reference.summaries) expect(t.summaries.get(s.memberId)).toEqual(s);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('given a snapshot, when facts and names that arrived meanwhile are caught up, then the diff leads to the reference', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), (facts, cut) => {
        const split = cut % (facts.length + 1);
        const snapshotNames = new Map([...NAMES].slice(0, 2));
        const cache = LedgerCache.from(snapshotNames, facts.slice(0, split));
        const t = table();
        t.write({ upserted: cache.ledger().entries, removed: [], flags: cache.ledger().flags, removedFlags: [], summaries: cache.summaries() });
        t.write(cache.catchUp(NAMES, facts));
        expect(sorted(t.entries.values())).toEqual(sorted(deriveLedger(facts, (id) => NAMES.get(id) ?? UNKNOWN_NAME).entries));
      }),
      { numRuns: 40 },
    );
  });

  it('skips only facts the domain ignores: with or without them the ledger is the same', () => {
    const facts = [...engagement(0, 1, 0, 5, false), ...engagement(1, 1, 10, null, false)];
    const zero: ReputationInput[] = [
      ...engagement(2, 1, 5, null, true),
      { id: uuid(counter++), occurredAt: at(6), type: 'HelpRequestExpired', data: { requestId: uuid(counter++), offerId: uuid(counter++), mentorId: MEMBERS[0]!, seekerId: MEMBERS[1]!, kind: 'ADVICE_CALL', guidance: 'x', expiredAt: at(6) } },
      { id: uuid(counter++), occurredAt: at(7), type: 'HelpRequestWithdrawn', data: { requestId: uuid(counter++), offerId: uuid(counter++), mentorId: MEMBERS[0]!, seekerId: MEMBERS[1]!, kind: 'ADVICE_CALL', withdrawnAt: at(7) } },
      {
        id: uuid(counter++),
        occurredAt: at(8),
        type: 'IntroDeclined',
        data: { requestId: uuid(counter++), offerId: uuid(counter++), mentorId: MEMBERS[0]!, seekerId: MEMBERS[1]!, kind: 'INTRO', introTargetId: MEMBERS[2]!, consent: false, guidance: 'x', capacityPeriodKey: '2026-W10', respondedAt: at(8) },
      },
    ];
    expect(new Set(zero.map((f) => f.type))).toEqual(NO_EFFECT_TYPES);
    const lookup = (id: string) => NAMES.get(id)!;
    expect(deriveLedger([...facts, ...zero], lookup)).toEqual(deriveLedger(facts, lookup));
  });
});
