import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { waitFor } from '@payforward/testing';
import {
  helpRequest,
  march,
  publish,
  registered,
  reinstatedEvent,
  suspendedEvent,
  tokenFor,
  useReputation,
} from '../reputation.spec.fixtures.js';

/**
 * Identity's MemberSuspended / MemberReinstated, delivered on the identity topic as identity
 * publishes them, on real Kafka and PostgreSQL: a suspension for fraud reverses the points
 * others earned with that member by new ledger lines (never by deleting), and every
 * suspension stops the member's tokens in this service until they are reinstated.
 */
jest.setTimeout(120_000);

const { topics, r } = useReputation('suspension');

const LEDGER = 'query($id: ID!) { reputation(memberId: $id) { score ledger(first: 20) { nodes { points ruleId reason } } } }';

const ledgerOf = async (memberId: string) => {
  const { data, errors } = await r.gql(LEDGER, { id: memberId });
  expect(errors).toBeUndefined();
  return data!.reputation as { score: number; ledger: { nodes: { points: number; ruleId: string; reason: string }[] } };
};

describe('reputation: identity’s suspensions', () => {
  it('given Ana helped Sam, when Sam is suspended for fraud, then a new line reverses Ana’s points and the original line stays', async () => {
    const [ana, sam, admin] = [uuidv7(), uuidv7(), uuidv7()];
    const members = [registered(ana, 'Ana', march(1)), registered(sam, 'Sam', march(1)), registered(admin, 'Alex', march(1), ['MEMBER', 'ADMIN'])];
    const call = helpRequest(ana, sam);
    const completed = call.completed(march(3));
    await publish(topics.identity, members);
    await publish(topics.helpRequest, [completed]);
    await r.applied([...members, completed]);
    expect((await ledgerOf(ana)).score).toBe(10);

    const suspension = suspendedEvent(sam, admin, march(5), true);
    await publish(topics.identity, [suspension]);
    await r.applied([suspension]);

    const after = await ledgerOf(ana);
    expect(after.score).toBe(0);
    expect(after.ledger.nodes).toEqual(
      expect.arrayContaining([
        { points: 10, ruleId: 'completion.advice-call', reason: expect.stringContaining('Sam') },
        { points: -10, ruleId: 'reversal.suspension', reason: expect.stringMatching(/Sam was suspended for fraud/) },
      ]),
    );
    expect(after.ledger.nodes).toHaveLength(2);
  });

  it('given a suspension that is not for fraud, then nobody’s points move', async () => {
    const [ben, dee, admin] = [uuidv7(), uuidv7(), uuidv7()];
    const members = [registered(ben, 'Ben', march(1)), registered(dee, 'Dee', march(1))];
    const completed = helpRequest(ben, dee).completed(march(3));
    const suspension = suspendedEvent(dee, admin, march(5), false);
    await publish(topics.identity, members);
    await publish(topics.helpRequest, [completed]);
    await publish(topics.identity, [suspension]);
    await r.applied([...members, completed, suspension]);
    expect(await ledgerOf(ben)).toMatchObject({ score: 10, ledger: { nodes: [{ ruleId: 'completion.advice-call', points: 10 }] } });
  });

  it('given an admin’s token, when they are suspended, then reputation refuses it (UNAUTHENTICATED) until they are reinstated', async () => {
    const [eve, other] = [uuidv7(), uuidv7()];
    const token = await tokenFor(eve, ['MEMBER', 'ADMIN']);
    const projections = () => r.gql('{ projections { name } }', {}, token);
    expect((await projections()).errors).toBeUndefined();

    const suspension = suspendedEvent(eve, other, new Date().toISOString(), false);
    await publish(topics.identity, [suspension]);
    await r.applied([suspension]);
    expect((await r.db.pool.query('SELECT reason FROM blocked_members WHERE member_id = $1', [eve])).rows).toEqual([{ reason: 'SUSPENDED' }]);
    // A block takes effect once the service's short lookup cache expires (BLOCKED_VIEWER_CACHE_MS).
    const refused = await waitFor(async () => {
      const result = await projections();
      return result.errors?.[0]?.extensions.code === 'UNAUTHENTICATED' ? result : undefined;
    }, { timeoutMs: 15_000, intervalMs: 200, what: 'the suspended admin’s token to be refused' });
    expect(refused.errors![0]!.message).toMatch(/suspended/);
    // Public reads do not ask who is calling and stay served.
    expect((await r.gql(LEDGER, { id: other }, token)).errors).toBeUndefined();

    const reinstatement = reinstatedEvent(eve, other, new Date().toISOString());
    await publish(topics.identity, [reinstatement]);
    await r.applied([reinstatement]);
    expect((await r.db.pool.query('SELECT count(*)::int AS n FROM blocked_members WHERE member_id = $1', [eve])).rows[0].n).toBe(0);
    await waitFor(async () => (await projections()).errors === undefined, { timeoutMs: 15_000, intervalMs: 200, what: 'the reinstated admin’s token to work again' });
  });
});
