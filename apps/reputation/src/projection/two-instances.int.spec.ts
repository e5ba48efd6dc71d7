import { jest } from '@jest/globals';
import kafkajs from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '@payforward/contracts';
import { deriveLedger, type ReputationInput } from '@payforward/reputation-domain';
import { kafkaBrokers, uniqueSuffix, waitFor } from '@payforward/testing';
import { ReputationConsumer } from './reputation.consumer.js';
import { createSpecTopics, deleteSpecTopics, helpRequest, publish, registered, startReputation, type SpecReputation, type SpecTopics } from '../reputation.spec.fixtures.js';

/**
 * Two instances of the service in one consumer group on one database: partitions are split
 * between them, so each applies events while the other's in-memory ledger goes stale. The
 * write lock serializes them and the status token makes each reload what the other wrote;
 * the tables end as the domain's reference derivation of the facts.
 */
jest.setTimeout(180_000);

const suffix = uniqueSuffix();
let topics: SpecTopics;
let a: SpecReputation;
let b: SpecReputation;

const people = Array.from({ length: 8 }, () => uuidv7());
const hour = 3_600_000;

function events(count: number): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  for (let i = 0; out.length < count; i++) {
    const mentor = people[i % people.length]!;
    const seeker = people[(i * 3 + 1) % people.length] === mentor ? people[(i + 1) % people.length]! : people[(i * 3 + 1) % people.length]!;
    const request = helpRequest(mentor, seeker);
    // Times jump back and forth, so facts keep arriving late on some partition.
    const at = Date.UTC(2026, 4, 1) + ((i * 37) % 200) * hour;
    out.push(request.completed(new Date(at).toISOString()));
    if (i % 2 === 0) out.push(request.feedback(5, new Date(at + hour).toISOString()));
  }
  return out;
}

/** Both instances hold partitions of the help-request topic before anything is published. */
async function bothAssigned(groupId: string): Promise<void> {
  const admin = new kafkajs.Kafka({ clientId: `spec-${suffix}`, brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        const members = groups[0]?.members ?? [];
        if (groups[0]?.state !== 'Stable' || members.length !== 2) return false;
        return members.every((m) => {
          const assignment = kafkajs.AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
          return (assignment?.assignment[topics.helpRequest] ?? []).length > 0;
        });
      },
      { timeoutMs: 60_000, what: 'both instances assigned help-request partitions' },
    );
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  topics = await createSpecTopics(suffix);
  a = await startReputation('two', topics);
  b = await startReputation('two-b', topics, { groupId: a.groupId }, a.db);
  await bothAssigned(a.groupId);
}, 120_000);

afterAll(async () => {
  await b?.close();
  await a?.close();
  await deleteSpecTopics(topics);
}, 60_000);

it('given two instances sharing the partitions, when events arrive interleaved, then the tables are the reference derivation of the facts', async () => {
  const registrations = people.map((p, i) => registered(p, `Person ${i}`, new Date(Date.UTC(2026, 3, 1)).toISOString()));
  const load = events(160);
  await publish(topics.helpRequest, load.slice(0, 80));
  await publish(topics.identity, registrations);
  await publish(topics.helpRequest, load.slice(80));
  await a.applied([...registrations, ...load]);

  // Each instance applied part of the events (each partition has one owner).
  expect(a.app.get(ReputationConsumer).stats().processed).toBeGreaterThan(0);
  expect(b.app.get(ReputationConsumer).stats().processed).toBeGreaterThan(0);

  const facts = (await a.db.pool.query('SELECT envelope FROM reputation_facts WHERE ledger_input')).rows.map((r: { envelope: ReputationInput }) => r.envelope);
  const names = new Map(people.map((p, i) => [p, `Person ${i}`]));
  const reference = deriveLedger(facts, (id) => names.get(id) ?? 'a member');
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);

  const ledger = (await a.db.pool.query('SELECT id, member_id, points, rule_id, reason FROM reputation_ledger ORDER BY id')).rows;
  expect(ledger).toEqual(
    reference.entries.sort(byId).map((e) => ({ id: e.id, member_id: e.memberId, points: e.points, rule_id: e.ruleId, reason: e.reason })),
  );
  const flags = (await a.db.pool.query('SELECT id, event_ids, description, status FROM reputation_flags ORDER BY id')).rows;
  expect(flags).toEqual(reference.flags.sort(byId).map((f) => ({ id: f.id, event_ids: f.evidence.eventIds, description: f.description, status: f.status })));
  const scores = (await a.db.pool.query('SELECT member_id, score, level, badges, paid_forward_count FROM reputations ORDER BY member_id')).rows;
  expect(scores).toEqual(
    reference.summaries.map((s) => ({ member_id: s.memberId, score: s.score, level: s.level, badges: s.badges, paid_forward_count: s.paidForwardCount })),
  );
});
