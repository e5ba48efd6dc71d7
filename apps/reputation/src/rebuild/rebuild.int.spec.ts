import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope, HelpKind, Party } from '@payforward/contracts';
import { deriveLedger, type ReputationInput } from '@payforward/reputation-domain';
import { uniqueSuffix, waitFor } from '@payforward/testing';
import {
  createSpecTopics,
  deleteSpecTopics,
  helpRequest,
  publish,
  registered,
  startReputation,
  tokenFor,
  type SpecReputation,
  type SpecTopics,
} from '../reputation.spec.fixtures.js';
import type { RebuildProgress } from '../reputation.settings.js';

/**
 * Rebuild during load: two projections consume the same topics, one is rebuilt while events
 * keep arriving (held mid-way, deterministically, at its first progress checkpoint), the other
 * is never rebuilt. Reads are served throughout, and the end states are identical row for row.
 */
jest.setTimeout(180_000);

const suffix = uniqueSuffix();
let topics: SpecTopics;
let rebuilt: SpecReputation;
let live: SpecReputation;
let admin: string;

/** A deterministic stream of pseudo-random numbers (the load is random, its runs repeatable in shape). */
function generator(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}
const random = generator(20_260_301);
const readerRandom = generator(7); // its own, so the reader's timing never changes the load

const alex = uuidv7();
const people = Array.from({ length: 10 }, () => uuidv7());
const hour = 3_600_000;
const start = Date.UTC(2026, 3, 1);

/** Marketplace events among the people over a few days, shuffled so many arrive after later ones (late facts). */
function load(count: number, fromMs: number, days: number): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  while (events.length < count) {
    const mentor = random.pick(people);
    const seeker = random.pick(people.filter((p) => p !== mentor));
    const request = helpRequest(mentor, seeker, random.pick<HelpKind>(['ADVICE_CALL', 'RESUME_REVIEW', 'MOCK_INTERVIEW']));
    const at = fromMs + Math.floor(random.next() * days * 24) * hour;
    const roll = random.next();
    if (roll < 0.1) events.push(request.declined(new Date(at).toISOString()));
    else if (roll < 0.2) events.push(request.noShow(random.pick<Party>(['SEEKER', 'MENTOR']), new Date(at).toISOString()));
    else {
      events.push(request.completed(new Date(at).toISOString()));
      if (random.next() < 0.6) events.push(request.feedback(1 + Math.floor(random.next() * 5), new Date(at + hour).toISOString()));
    }
  }
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

/** Holds the rebuild at its first checkpoint until released. */
const hold = (() => {
  let armed = false;
  let reached!: (p: RebuildProgress) => void;
  let release!: () => void;
  let reachedP = Promise.resolve<RebuildProgress>({ rebuilt: 0, total: 0 });
  let releasedP = Promise.resolve();
  return {
    arm() {
      armed = true;
      reachedP = new Promise((resolve) => (reached = resolve));
      releasedP = new Promise((resolve) => (release = resolve));
    },
    reached: () => reachedP,
    release: () => release(),
    checkpoint: async (progress: RebuildProgress) => {
      if (!armed) return;
      armed = false;
      reached(progress);
      await releasedP;
    },
  };
})();

const rows = async (r: SpecReputation) => ({
  ledger: (await r.db.pool.query('SELECT * FROM reputation_ledger ORDER BY id')).rows,
  flags: (await r.db.pool.query('SELECT * FROM reputation_flags ORDER BY id')).rows,
  reputations: (await r.db.pool.query('SELECT member_id, score, level, badges, paid_forward_count FROM reputations ORDER BY member_id')).rows,
});

const status = async () => {
  const { data, errors } = await rebuilt.gql('{ projections { name lagEvents rebuilding rebuiltEvents rebuildTotalEvents rebuildFinishedAt rebuildError } }', {}, admin);
  expect(errors).toBeUndefined();
  return data!.projections[0] as Record<string, any>;
};

const adminEventIds = async (): Promise<string[]> =>
  (await rebuilt.db.pool.query("SELECT event_id FROM es_events WHERE stream_id = 'reputation-admin'")).rows.map((r: { event_id: string }) => r.event_id);

beforeAll(async () => {
  topics = await createSpecTopics(suffix);
  [rebuilt, live] = await Promise.all([
    startReputation('rebuilt', topics, { rebuildBatchSize: 7, rebuildCheckpoint: hold.checkpoint }),
    startReputation('live', topics, { relay: false }),
  ]);
  admin = await tokenFor(alex, ['ADMIN']);
}, 90_000);

afterAll(async () => {
  hold.release();
  await Promise.all([rebuilt?.close(), live?.close()]);
  await deleteSpecTopics(topics);
}, 60_000);

describe('rebuildProjection', () => {
  it('given a rebuild during load, then reads keep being served, progress is visible, and it ends identical to a live projection', async () => {
    const registrations = [registered(alex, 'Alex', new Date(start).toISOString(), ['ADMIN']), ...people.slice(0, 8).map((p, i) => registered(p, `Person ${i}`, new Date(start).toISOString()))];
    const before = load(120, start, 6);
    await publish(topics.identity, registrations);
    await publish(topics.helpRequest, before);
    await Promise.all([rebuilt.applied([...registrations, ...before]), live.applied([...registrations, ...before])]);

    // Admin decisions are inputs too: a reversal (when the load raised a flag) and an adjustment.
    const flags = await rebuilt.gql('{ reputationFlags(status: OPEN) { id } }', {}, admin);
    if (flags.data!.reputationFlags.length > 0) {
      expect((await rebuilt.gql('mutation($id: ID!) { reverseFlag(flagId: $id, note: "Staged") { status } }', { id: flags.data!.reputationFlags[0].id }, admin)).errors).toBeUndefined();
    }
    expect((await rebuilt.gql('mutation($id: ID!) { adjustReputation(memberId: $id, points: 12, reason: "Meetup host") { score } }', { id: people[0] }, admin)).errors).toBeUndefined();
    await live.applied(await adminEventIds());

    // A reader that keeps asking while everything below happens.
    let reading = true;
    const readErrors: unknown[] = [];
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        const { errors } = await rebuilt.gql('query($id: ID!) { reputation(memberId: $id) { score ledger(first: 5) { totalCount nodes { reason } } } leaderboard(first: 5) { score } }', {
          id: readerRandom.pick(people),
        });
        if (errors) readErrors.push(errors);
        reads++;
      }
    })();

    hold.arm();
    const started = await rebuilt.gql('mutation { rebuildProjection(name: "reputation") { name rebuilding } }', {}, admin);
    expect(started).toEqual({ data: { rebuildProjection: { name: 'reputation', rebuilding: true } } });
    const progress = await hold.reached();
    expect(progress.rebuilt).toBe(0);

    // Held mid-way: visible, one at a time, and the live tables keep taking events.
    const held = await status();
    expect(held).toMatchObject({ rebuilding: true, rebuiltEvents: 0, rebuildTotalEvents: progress.total });
    expect(held.lagEvents).toBeGreaterThanOrEqual(progress.total);
    const again = await rebuilt.gql('mutation { rebuildProjection(name: "reputation") { rebuilding } }', {}, admin);
    expect(again.errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'name' } })]);

    const newcomers = people.slice(8).map((p, i) => registered(p, `Late person ${i}`, new Date(start).toISOString()));
    const during = load(60, start - 2 * 24 * hour, 10); // partly earlier than everything applied so far
    await publish(topics.helpRequest, during);
    await publish(topics.identity, newcomers);
    expect((await rebuilt.gql('mutation($id: ID!) { adjustReputation(memberId: $id, points: -4, reason: "Rude messages") { score } }', { id: people[1] }, admin)).errors).toBeUndefined();
    await Promise.all([rebuilt.applied([...during, ...newcomers]), live.applied([...during, ...newcomers, ...(await adminEventIds())])]);
    expect((await rows(rebuilt)).ledger).toEqual((await rows(live)).ledger); // served from the live tables meanwhile

    hold.release();
    const done = await waitFor(async () => {
      const s = await status();
      return !s.rebuilding && s.rebuildFinishedAt !== null && s;
    }, { timeoutMs: 60_000, what: 'the rebuild to finish' });
    expect(done).toMatchObject({ rebuildError: null, rebuiltEvents: progress.total });
    reading = false;
    await reader;
    expect(readErrors).toEqual([]);
    expect(reads).toBeGreaterThan(0);

    const [afterRebuild, afterLive] = [await rows(rebuilt), await rows(live)];
    expect(afterRebuild.ledger.length).toBeGreaterThan(100);
    expect(afterRebuild).toEqual(afterLive);

    // And both are the domain's reference derivation of the stored facts.
    const facts = (await rebuilt.db.pool.query('SELECT envelope FROM reputation_facts WHERE ledger_input')).rows.map((r: { envelope: ReputationInput }) => r.envelope);
    const names = new Map((await rebuilt.db.pool.query('SELECT member_id, display_name FROM reputation_members')).rows.map((r: { member_id: string; display_name: string }) => [r.member_id, r.display_name]));
    const reference = deriveLedger(facts, (id) => names.get(id) ?? 'a member');
    expect(afterRebuild.ledger.map((row: { id: string; points: number; reason: string }) => [row.id, row.points, row.reason])).toEqual(
      reference.entries.map((e) => [e.id, e.points, e.reason]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it('given a rebuilt projection, when rebuilt again, then the swap works again and changes nothing', async () => {
    const before = await rows(rebuilt);
    expect((await rebuilt.gql('mutation { rebuildProjection(name: "reputation") { rebuilding } }', {}, admin)).errors).toBeUndefined();
    await waitFor(async () => !(await status()).rebuilding, { timeoutMs: 60_000, what: 'the second rebuild' });
    expect(await status()).toMatchObject({ rebuildError: null });
    expect(await rows(rebuilt)).toEqual(before);
    const { rows: indexes } = await rebuilt.db.pool.query("SELECT indexname FROM pg_indexes WHERE tablename IN ('reputation_ledger', 'reputation_flags', 'reputations') ORDER BY indexname");
    expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual([
      'reputation_flags_members_idx',
      'reputation_flags_pkey',
      'reputation_flags_status_idx',
      'reputation_ledger_member_idx',
      'reputation_ledger_once',
      'reputation_ledger_pkey',
      'reputation_ledger_request_idx',
      'reputations_pkey',
      'reputations_score_idx',
    ]);
  });
});
