import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { createKafkaClient } from '@payforward/messaging';
import { kafkaBrokers, waitFor } from '@payforward/testing';
import { announceNewFlags } from '../projection/flag.announcer.js';
import {
  helpRequest,
  march,
  publish,
  registered,
  specFlagsTopic,
  tokenFor,
  useReputation,
} from '../reputation.spec.fixtures.js';

/**
 * The admin reputation review on the real stack: flags raised by the projection, decisions
 * appended to the reputation-admin stream, relayed to the broker and consumed back into the
 * ledger, and refused for anyone but an admin.
 */
jest.setTimeout(120_000);

const { topics, r } = useReputation('admin');
let admin: string;
let member: string;

const [dana, eli, sam, tia, alex, mo] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
const danaHelpsEli = helpRequest(dana, eli);
const eliHelpsDana = helpRequest(eli, dana);
const samHelpsTia = helpRequest(sam, tia);
const tiaHelpsSam = helpRequest(tia, sam);
const completions = [danaHelpsEli.completed(march(3)), eliHelpsDana.completed(march(5)), samHelpsTia.completed(march(10)), tiaHelpsSam.completed(march(12))];
const registrations = [
  registered(dana, 'Dana', march(1)),
  registered(eli, 'Eli', march(1)),
  registered(sam, 'Sam', march(1)),
  registered(tia, 'Tia', march(1)),
  registered(alex, 'Alex', march(1), ['ADMIN']),
  registered(mo, 'Mo', march(1)),
];

const FLAG_FIELDS = 'id kind status description evidence member { id } members { id } requestIds coveredPoints resolvedBy { id } resolutionNote';
const scoreOf = async (id: string): Promise<number> => (await r.gql('query($id: ID!) { reputation(memberId: $id) { score } }', { id })).data!.reputation.score;
const flagOf = async (memberId: string) => {
  const { data, errors } = await r.gql(`{ reputationFlags { ${FLAG_FIELDS} } }`, {}, admin);
  expect(errors).toBeUndefined();
  return (data!.reputationFlags as Record<string, any>[]).find((f) => f.member.id === memberId)!;
};

beforeAll(async () => {
  [admin, member] = await Promise.all([tokenFor(alex, ['ADMIN']), tokenFor(mo)]);
  await publish(topics.identity, registrations);
  await publish(topics.helpRequest, completions);
  await r.applied([...registrations, ...completions]);
}, 90_000);

const ADMIN_OPERATIONS: [string, string, Record<string, unknown>][] = [
  ['reputationFlags', '{ reputationFlags { id } }', {}],
  ['memberHistory', 'query($id: ID!) { memberHistory(memberId: $id) { id } }', { id: dana }],
  ['projections', '{ projections { name } }', {}],
  ['dismissFlag', 'mutation($id: ID!) { dismissFlag(flagId: $id, note: "fine") { id } }', { id: uuidv7() }],
  ['reverseFlag', 'mutation($id: ID!) { reverseFlag(flagId: $id, note: "staged") { id } }', { id: uuidv7() }],
  ['adjustReputation', 'mutation($id: ID!) { adjustReputation(memberId: $id, points: 5, reason: "thanks") { score } }', { id: dana }],
  ['rebuildProjection', 'mutation { rebuildProjection(name: "reputation") { rebuilding } }', {}],
];

describe('admin reputation review', () => {
  it.each(ADMIN_OPERATIONS)('refuses %s to a member (FORBIDDEN) and to an anonymous caller (UNAUTHENTICATED)', async (_, query, variables) => {
    const asMember = await r.gql(query, variables, member);
    expect(asMember.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    const anonymous = await r.gql(query, variables);
    expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('queues a reciprocal pair (A helps B, B helps A within 7 days) with its evidence and the points a reversal would cover', async () => {
    const flag = await flagOf(eli);
    expect(flag).toMatchObject({
      kind: 'RECIPROCAL_PAIR',
      status: 'OPEN',
      description: 'Dana and Eli helped each other within 7 days (2 completions)',
      members: [{ id: dana }, { id: eli }],
      requestIds: [danaHelpsEli.ids.requestId, eliHelpsDana.ids.requestId],
      coveredPoints: 15, // Dana's +10, and Eli's +5 (the 2nd completion between them in 90 days earns ½)
      resolvedBy: null,
    });
    expect(flag.evidence).toEqual([
      `${march(3)} HelpRequestCompleted: Dana helped Eli (advice call) [event ${completions[0]!.id}]`,
      `${march(5)} HelpRequestCompleted: Eli helped Dana (advice call) [event ${completions[1]!.id}]`,
    ]);
  });

  it('announces each raised flag once: FlagRaised on the flag’s own stream, relayed to the flags topic, never twice', async () => {
    const flags = [await flagOf(eli), await flagOf(tia)];
    const announcements = async () =>
      (await r.db.pool.query("SELECT stream_id, type, data FROM es_events WHERE stream_id LIKE 'reputation-flag-%' ORDER BY stream_id")).rows;
    const expected = flags.map((f) => ({
      stream_id: `reputation-flag-${f.id}`,
      type: 'FlagRaised',
      data: { flagId: f.id, kind: 'RECIPROCAL_PAIR', memberIds: [f.member.id, ...f.members.map((m: { id: string }) => m.id).filter((id: string) => id !== f.member.id)], raisedAt: expect.any(String) },
    }));
    expect(await announcements()).toEqual(expect.arrayContaining(expected));
    expect(await announcements()).toHaveLength(2);

    // The same flags again (a replay, a reload): their streams exist, so nothing is appended.
    const client = await r.db.pool.connect();
    try {
      await client.query('BEGIN');
      const stored = (await client.query("SELECT data FROM es_events WHERE stream_id LIKE 'reputation-flag-%' LIMIT 1")).rows[0].data;
      const again = flags.map((f) => ({ id: f.id, kind: f.kind, memberId: f.member.id, evidence: { eventIds: [], memberIds: [] }, requestIds: [], description: '', raisedAt: stored.raisedAt, status: 'OPEN' as const, resolution: null }));
      expect(await announceNewFlags(client, again, completions[0]!, () => specFlagsTopic(topics))).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await announcements()).toHaveLength(2);

    // The relay published both, once each.
    const admin = createKafkaClient({ brokers: kafkaBrokers(), clientId: 'spec-flags-offsets' }).admin();
    await admin.connect();
    try {
      const published = async () => (await admin.fetchTopicOffsets(specFlagsTopic(topics))).reduce((sum, p) => sum + Number(p.high), 0);
      await waitFor(async () => (await published()) >= 2, { timeoutMs: 30_000, what: 'the relay published the FlagRaised events' });
      expect(await published()).toBe(2);
    } finally {
      await admin.disconnect();
    }
  });

  it('given an open flag, when an admin reverses it with a note, then the scores drop by exactly the covered points, as new ledger lines', async () => {
    const flag = await flagOf(eli);
    const before = (await scoreOf(dana)) + (await scoreOf(eli));
    const { data, errors } = await r.gql(
      `mutation($id: ID!) { reverseFlag(flagId: $id, note: "Staged sessions") { ${FLAG_FIELDS} } }`,
      { id: flag.id },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data!.reverseFlag).toMatchObject({ id: flag.id, status: 'REVERSED', resolvedBy: { id: alex }, resolutionNote: 'Staged sessions', coveredPoints: 15 });
    const after = (await scoreOf(dana)) + (await scoreOf(eli));
    expect(before - after).toBe(flag.coveredPoints);
    expect([await scoreOf(dana), await scoreOf(eli)]).toEqual([0, 0]);

    const { rows } = await r.db.pool.query("SELECT member_id, points, reason FROM reputation_ledger WHERE rule_id = 'reversal.flag' ORDER BY points");
    expect(rows).toEqual([
      { member_id: dana, points: -10, reason: '−10 reversed “advice call completed for Eli” (+10) after review of a reciprocal-help flag: Staged sessions' },
      { member_id: eli, points: -5, reason: '−5 reversed “advice call completed for Dana” (+5) after review of a reciprocal-help flag: Staged sessions' },
    ]);
    // The decision is an event of the service's own stream: who, when, why.
    const stored = await r.db.pool.query("SELECT type, data, metadata FROM es_events WHERE stream_id = 'reputation-admin'");
    expect(stored.rows).toEqual([
      { type: 'FlagReversed', data: expect.objectContaining({ flagId: flag.id, memberIds: expect.arrayContaining([dana, eli]), adminId: alex, note: 'Staged sessions' }), metadata: expect.objectContaining({ actor: alex }) },
    ]);
  });

  it('given a resolved flag, when an admin decides again, then CONFLICT: the first decision stands', async () => {
    const flag = await flagOf(eli);
    const { errors } = await r.gql('mutation($id: ID!) { dismissFlag(flagId: $id, note: "Changed my mind") { id } }', { id: flag.id }, admin);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'flagId' } })]);
  });

  it('given an open flag, when an admin dismisses it with a note, then it leaves the open queue and no point moves', async () => {
    const flag = await flagOf(tia);
    const before = [await scoreOf(sam), await scoreOf(tia)];
    const { data, errors } = await r.gql(
      'mutation($id: ID!) { dismissFlag(flagId: $id, note: "They are colleagues") { status resolutionNote coveredPoints } }',
      { id: flag.id },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data!.dismissFlag).toEqual({ status: 'DISMISSED', resolutionNote: 'They are colleagues', coveredPoints: 0 });
    expect([await scoreOf(sam), await scoreOf(tia)]).toEqual(before);
    const open = await r.gql('{ reputationFlags(status: OPEN) { id } }', {}, admin);
    expect(open.data!.reputationFlags).toEqual([]);
  });

  it('given an adjustment with a reason, then it is a line in the member’s ledger with who adjusted and why', async () => {
    const { data, errors } = await r.gql(
      'mutation($id: ID!) { adjustReputation(memberId: $id, points: 7, reason: "Organised the March meetup") { member { id } score ledger(first: 1) { nodes { points ruleId reason } } } }',
      { id: eli },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data!.adjustReputation).toEqual({
      member: { id: eli },
      score: 7,
      ledger: { nodes: [{ points: 7, ruleId: 'admin.adjustment', reason: '+7 adjusted by Alex: Organised the March meetup' }] },
    });
  });

  it.each([
    ['dismissFlag with a blank note', 'mutation($id: ID!) { dismissFlag(flagId: $id, note: "   ") { id } }', 'BAD_USER_INPUT', 'note'],
    ['adjustReputation without a reason', 'mutation($id: ID!) { adjustReputation(memberId: $id, points: 3, reason: "") { score } }', 'BAD_USER_INPUT', 'reason'],
    ['adjustReputation by 0 points', 'mutation($id: ID!) { adjustReputation(memberId: $id, points: 0, reason: "nothing") { score } }', 'BAD_USER_INPUT', 'points'],
    ['reverseFlag of an unknown flag', 'mutation($id: ID!) { reverseFlag(flagId: $id, note: "staged") { id } }', 'NOT_FOUND', 'flagId'],
    ['adjustReputation of an unknown member', 'mutation { adjustReputation(memberId: "0193a0b4-6f1e-7c3a-9d2e-00000000dead", points: 3, reason: "x") { score } }', 'NOT_FOUND', 'memberId'],
    ['rebuildProjection of an unknown projection', 'mutation { rebuildProjection(name: "nope") { rebuilding } }', 'NOT_FOUND', 'name'],
  ])('refuses %s', async (_, query, code, field) => {
    const id = field === 'note' ? (await flagOf(tia)).id : field === 'flagId' ? uuidv7() : eli;
    const { errors } = await r.gql(query, { id }, admin);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code, field } })]);
  });

  it('lists the admin decisions in the history of the members they concern', async () => {
    const { data, errors } = await r.gql('query($id: ID!) { memberHistory(memberId: $id) { type } }', { id: eli }, admin);
    expect(errors).toBeUndefined();
    expect(data!.memberHistory.map((e: { type: string }) => e.type)).toEqual(['MemberRegistered', 'HelpRequestCompleted', 'HelpRequestCompleted', 'FlagReversed', 'ReputationAdjusted']);
  });
});
