import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { waitFor } from '@payforward/testing';
import { ReputationConsumer } from './reputation.consumer.js';
import {
  helpRequest,
  march,
  publish,
  registered,
  tokenFor,
  useReputation,
} from '../reputation.spec.fixtures.js';

/**
 * The projection on the real broker: marketplace and identity events published as their
 * services would (valid by the contracts' schemas, keyed by stream, topics of 3 partitions),
 * consumed by the ConsumerRunner into PostgreSQL.
 */
jest.setTimeout(120_000);

const { topics, r } = useReputation('ledger');

const [ana, ben, cleo, alex] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
const anaHelpsBen = helpRequest(ana, ben);
const benHelpsCleo = helpRequest(ben, cleo);
const events = {
  anaHelpsBen: [anaHelpsBen.completed(march(2)), anaHelpsBen.feedback(5, march(2, 11))],
  benHelpsCleo: [benHelpsCleo.completed(march(20))],
  registrations: [registered(ana, 'Ana', march(1)), registered(ben, 'Ben', march(1)), registered(cleo, 'Cleo', march(1)), registered(alex, 'Alex', march(1), ['ADMIN'])],
};
const all = [...events.anaHelpsBen, ...events.benHelpsCleo, ...events.registrations];

const LEDGER = `query($id: ID!, $after: String) {
  reputation(memberId: $id) { score level paidForwardCount ledger(first: 2, after: $after) { totalCount hasNextPage endCursor nodes { points ruleId ruleVersion sourceEventId reason occurredAt } } }
}`;

async function wholeLedger(memberId: string) {
  const nodes: Record<string, unknown>[] = [];
  let after: string | null = null;
  let page: Record<string, any>;
  do {
    const { data, errors } = await r.gql(LEDGER, { id: memberId, after });
    expect(errors).toBeUndefined();
    page = data!.reputation;
    nodes.push(...page.ledger.nodes);
    after = page.ledger.endCursor;
  } while (page.ledger.hasNextPage);
  expect(nodes).toHaveLength(page.ledger.totalCount);
  return { ...page, ledger: nodes };
}

const tableSnapshot = async () => ({
  ledger: (await r.db.pool.query('SELECT * FROM reputation_ledger ORDER BY id')).rows,
  flags: (await r.db.pool.query('SELECT * FROM reputation_flags ORDER BY id')).rows,
  reputations: (await r.db.pool.query('SELECT member_id, score, level, badges, paid_forward_count FROM reputations ORDER BY member_id')).rows,
});

describe('reputation projection: pay it forward on the real stack', () => {
  it('given A helped B (rated 5) and later B helps C, delivered late and before the names, then B gets +25, A +5, and both ledgers explain it', async () => {
    // Worst order: the later help first, the earlier one after it (a late fact), the names last.
    await publish(topics.helpRequest, events.benHelpsCleo);
    await r.applied(events.benHelpsCleo);
    await publish(topics.helpRequest, events.anaHelpsBen);
    await r.applied(events.anaHelpsBen);
    await publish(topics.identity, events.registrations);
    await r.applied(events.registrations);

    const anaLedger = await wholeLedger(ana);
    expect(anaLedger).toMatchObject({ score: 20, level: 'Newcomer', paidForwardCount: 0 });
    expect(anaLedger.ledger).toEqual([
      { points: 5, ruleId: 'pay-forward.ripple', ruleVersion: 1, sourceEventId: events.benHelpsCleo[0]!.id, reason: '+5 ripple: Ben, whom you helped in March, helped someone', occurredAt: march(20) },
      expect.objectContaining({ points: 5, ruleId: 'completion.rated-bonus', reason: '+5 Ben rated your advice call 5/5', sourceEventId: events.anaHelpsBen[1]!.id }),
      expect.objectContaining({ points: 10, ruleId: 'completion.advice-call', reason: '+10 advice call completed for Ben', sourceEventId: events.anaHelpsBen[0]!.id }),
    ]);

    const benLedger = await wholeLedger(ben);
    expect(benLedger).toMatchObject({ score: 37, paidForwardCount: 1 });
    expect(benLedger.ledger.map((e) => [e.points, e.ruleId, e.reason])).toEqual(
      expect.arrayContaining([
        [25, 'pay-forward.forwarder', '+25 paid it forward: you helped Cleo after being helped yourself'],
        [10, 'completion.advice-call', '+10 advice call completed for Cleo'],
        [2, 'feedback.left', "+2 closed the loop: feedback on Ana's advice call"],
      ]),
    );
    expect(benLedger.ledger).toHaveLength(3);
    expect((await wholeLedger(cleo)).ledger).toEqual([]);
  });

  it('given the same events delivered again, when consumed, then nothing changes', async () => {
    const before = await tableSnapshot();
    const consumer = r.app.get(ReputationConsumer);
    const duplicates = consumer.stats().duplicates;
    await publish(topics.helpRequest, [...events.anaHelpsBen, ...events.benHelpsCleo]);
    await publish(topics.identity, events.registrations);
    await waitFor(() => consumer.stats().duplicates >= duplicates + all.length, { timeoutMs: 60_000, what: 'the redeliveries' });
    expect(await tableSnapshot()).toEqual(before);
    expect(consumer.stats().deadLettered).toBe(0);
  });

  it('ranks members by score on the leaderboard', async () => {
    const { data, errors } = await r.gql('{ leaderboard(first: 3) { member { id } score } }');
    expect(errors).toBeUndefined();
    expect(data!.leaderboard).toEqual([
      { member: { id: ben }, score: 37 },
      { member: { id: ana }, score: 20 },
      expect.objectContaining({ score: 0 }),
    ]);
  });

  it("lists, for an admin, every event concerning a member across services, oldest first, without identity's personal data", async () => {
    const { data, errors } = await r.gql('query($id: ID!) { memberHistory(memberId: $id) { id type streamId version occurredAt data } }', { id: ben }, await tokenFor(alex, ['ADMIN']));
    expect(errors).toBeUndefined();
    const history = data!.memberHistory as { id: string; type: string; data: string }[];
    expect(history.map((e) => e.id)).toEqual([events.registrations[1]!.id, ...events.anaHelpsBen.map((e) => e.id), events.benHelpsCleo[0]!.id]);
    expect(history.map((e) => e.type)).toEqual(['MemberRegistered', 'HelpRequestCompleted', 'FeedbackLeft', 'HelpRequestCompleted']);
    expect(JSON.parse(history[0]!.data)).toEqual({ memberId: ben, displayName: 'Ben', headline: null, timezone: 'UTC', roles: ['MEMBER'] });
  });

  it('reports the projection for admins: caught up, with the newest event time', async () => {
    const token = await tokenFor(alex, ['ADMIN']);
    // The group's offsets are committed shortly after the events are applied.
    const status = await waitFor(
      async () => {
        const { data, errors } = await r.gql('{ projections { name lagEvents lastEventAt rebuilding } }', {}, token);
        expect(errors).toBeUndefined();
        return data!.projections[0].lagEvents === 0 && data!.projections;
      },
      { timeoutMs: 30_000, what: 'no lag' },
    );
    expect(status).toEqual([{ name: 'reputation', lagEvents: 0, lastEventAt: march(20), rebuilding: false }]);
  });
});
