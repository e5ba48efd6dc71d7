import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { ERASED_MEMBER_NAME, memberStreamId, type EventEnvelope } from '@payforward/contracts';
import { PersonalDataCodec } from '@payforward/platform';
import { uniqueSuffix, waitFor } from '@payforward/testing';
import { createSpecTopics, deleteSpecTopics, helpRequest, march, publish, registered, startReputation, tokenFor, type SpecReputation, type SpecTopics } from '../reputation.spec.fixtures.js';

/**
 * MemberErased in reputation (ADR 010), on real Kafka and PostgreSQL: the name arrives sealed
 * and is stored sealed in the facts; once the key is erased and MemberErased consumed, every
 * line and flag that quoted the member reads "Erased member" with the same points, the history
 * shows placeholders, and a rebuild gives exactly the same ledger.
 */
jest.setTimeout(120_000);

const suffix = uniqueSuffix();
const NAME = `Dagny Quist-${suffix}`;
let topics: SpecTopics;
let r: SpecReputation;
let codec: PersonalDataCodec;

beforeAll(async () => {
  topics = await createSpecTopics(suffix);
  r = await startReputation('erasure', topics);
  codec = r.app.get(PersonalDataCodec);
}, 90_000);

afterAll(async () => {
  await r?.close();
  await deleteSpecTopics(topics);
}, 60_000);

const LEDGER = 'query($id: ID!) { reputation(memberId: $id) { score ledger(first: 20) { nodes { id points ruleId reason sourceEventId } } } }';
const ledgerOf = async (memberId: string) => (await r.gql(LEDGER, { id: memberId })).data!.reputation as { score: number; ledger: { nodes: { points: number; reason: string }[] } };
const factsNaming = async (text: string) => Number((await r.db.pool.query('SELECT count(*)::int AS n FROM reputation_facts WHERE envelope::text ILIKE $1', [`%${text}%`])).rows[0].n);
const tablesNaming = async (text: string) => {
  const tables = (await r.db.pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.tablename as string);
  const hits: string[] = [];
  for (const table of tables) if (Number((await r.db.pool.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(t::text, $1) > 0`, [text])).rows[0].n) > 0) hits.push(table);
  return hits;
};

describe('reputation: an erased member', () => {
  it('given lines quoting a sealed name, when the key is erased and MemberErased arrives, then they read "Erased member", points unchanged, live and rebuilt alike', async () => {
    const [ana, dagny, admin] = [uuidv7(), uuidv7(), uuidv7()];
    // As identity publishes it: the name sealed with Dagny's own key.
    const dagnyRegistered = await codec.sealEvent(registered(dagny, NAME, march(1)));
    const members = [registered(ana, 'Ana', march(1)), dagnyRegistered, registered(admin, 'Alex', march(1), ['MEMBER', 'ADMIN'])];
    const call = helpRequest(ana, dagny);
    const completed = call.completed(march(3));
    await publish(topics.identity, members);
    await publish(topics.helpRequest, [completed]);
    await r.applied([...members, completed]);

    const before = await ledgerOf(ana);
    expect(before.ledger.nodes.map((l) => l.reason)).toEqual([expect.stringContaining(NAME)]);
    expect(await factsNaming(NAME)).toBe(0); // the fact keeps the sealed name
    expect(await tablesNaming(NAME)).toEqual(expect.arrayContaining(['reputation_members', 'reputation_ledger']));

    await codec.keys.erase(dagny); // what identity does first
    const erased: EventEnvelope = {
      id: uuidv7(),
      type: 'MemberErased',
      streamId: memberStreamId(dagny),
      version: 2,
      occurredAt: march(4),
      schemaVersion: 1,
      metadata: { actor: dagny, correlationId: 'spec', causationId: null },
      data: { memberId: dagny, erasedBy: 'SELF', adminId: null, reason: null, erasedAt: march(4) },
    };
    await publish(topics.identity, [erased]);
    await r.applied([erased]);

    const after = await ledgerOf(ana);
    expect(after.score).toBe(before.score);
    expect(after.ledger.nodes).toEqual(before.ledger.nodes.map((line) => ({ ...line, reason: line.reason.replace(NAME, ERASED_MEMBER_NAME) })));
    expect(await tablesNaming(NAME)).toEqual([]);

    const token = await tokenFor(admin, ['MEMBER', 'ADMIN']);
    const { data } = await r.gql('query($id: ID!) { memberHistory(memberId: $id) { type data } }', { id: dagny }, token);
    const registration = data!.memberHistory.find((e: { type: string }) => e.type === 'MemberRegistered');
    expect(JSON.parse(registration.data)).toMatchObject({ memberId: dagny, displayName: ERASED_MEMBER_NAME });

    await r.gql('mutation { rebuildProjection(name: "reputation") { name } }', {}, token);
    await waitFor(async () => {
      const { data: status } = await r.gql('{ projections { rebuilding rebuildFinishedAt } }', {}, token);
      return status?.projections.every((p: { rebuilding: boolean; rebuildFinishedAt: string | null }) => !p.rebuilding && p.rebuildFinishedAt !== null);
    }, { timeoutMs: 60_000, what: 'the rebuild to finish' });
    expect(await ledgerOf(ana)).toEqual(after);
    expect(await tablesNaming(NAME)).toEqual([]);
  });
});
