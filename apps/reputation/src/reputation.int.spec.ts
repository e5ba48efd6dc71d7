import { jest } from '@jest/globals';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { PG_POOL } from '@payforward/platform';
import { waitFor } from '@payforward/testing';
import { ReputationConsumer } from './projection/reputation.consumer.js';
import { publish, registered, useReputation } from './reputation.spec.fixtures.js';

jest.setTimeout(120_000);

const { topics, r } = useReputation('basics');

describe('reputation: members and reads', () => {
  it('given MemberRegistered delivered twice, when consumed, then one Newcomer row with score 0 and the event counted once', async () => {
    const memberId = uuidv7();
    const envelope = registered(memberId, 'Mo', new Date().toISOString());
    // The same message twice: what a relay crash between send and mark, or a rebalance, produces.
    await publish(topics.identity, [envelope]);
    await publish(topics.identity, [envelope]);

    const consumer = r.app.get(ReputationConsumer);
    await waitFor(() => consumer.stats().processed + consumer.stats().duplicates >= 2, { timeoutMs: 60_000, what: 'both deliveries' });
    expect(consumer.stats()).toMatchObject({ processed: 1, deadLettered: 0 });

    const rows = await r.db.pool.query('SELECT member_id, score, level, badges, paid_forward_count FROM reputations');
    expect(rows.rows).toEqual([{ member_id: memberId, score: 0, level: 'Newcomer', badges: [], paid_forward_count: 0 }]);
    const processed = await r.db.pool.query('SELECT event_id FROM processed_events WHERE consumer_group = $1', [r.groupId]);
    expect(processed.rows).toEqual([{ event_id: envelope.id }]);
    // Reputation keeps the display name for reasons, and none of identity's personal data it has no use for.
    const fact = await r.db.pool.query('SELECT envelope FROM reputation_facts WHERE event_id = $1', [envelope.id]);
    expect(fact.rows[0].envelope.data).not.toHaveProperty('email');

    const { data, errors } = await r.gql(
      'query($id: ID!) { reputation(memberId: $id) { member { id } score level badges paidForwardCount ledger(first: 5) { totalCount nodes { id } hasNextPage endCursor } } }',
      { id: memberId },
    );
    expect(errors).toBeUndefined();
    expect(data!.reputation).toEqual({
      member: { id: memberId },
      score: 0,
      level: 'Newcomer',
      badges: [],
      paidForwardCount: 0,
      ledger: { totalCount: 0, nodes: [], hasNextPage: false, endCursor: null },
    });
  });

  it('given many members, when the gateway resolves Member.reputation for all of them, then one SQL query answers (DataLoader)', async () => {
    const members = Array.from({ length: 6 }, (_, i) => registered(uuidv7(), `Member ${i}`, new Date().toISOString()));
    await publish(topics.identity, members);
    await r.applied(members);

    // Count the reads that reach `reputations` through the service's pool while the request runs.
    const pool = r.app.get<pg.Pool>(PG_POOL);
    const query = pool.query;
    const seen: string[] = [];
    pool.query = ((...args: Parameters<pg.Pool['query']>) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
      if (/\bFROM reputations\b/.test(text)) seen.push(text);
      return (query as (...a: unknown[]) => unknown).apply(pool, args);
    }) as pg.Pool['query'];
    try {
      // What the gateway sends when a response holds many members: one `_entities` call with every reference.
      const representations = members.map((m) => ({ __typename: 'Member', id: (m.data as { memberId: string }).memberId }));
      const { data, errors } = await r.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { reputation { score level } } } }', {
        r: representations,
      });
      expect(errors).toBeUndefined();
      expect(data!._entities).toEqual(members.map(() => ({ reputation: { score: 0, level: 'Newcomer' } })));
    } finally {
      pool.query = query;
    }
    expect(seen).toHaveLength(1);
  });

  it('given a member the projection has not seen, when asking for their reputation, then null', async () => {
    expect((await r.gql('query($id: ID!) { reputation(memberId: $id) { score } }', { id: uuidv7() })).data).toEqual({ reputation: null });
  });

  it.each([
    ['a page size of 0', 'ledger(first: 0) { totalCount }', 'first'],
    ['a cursor that is not one', 'ledger(after: "nope") { totalCount }', 'after'],
  ])('given %s, when asking for a ledger, then BAD_USER_INPUT on the field', async (_, selection, field) => {
    const memberId = (await r.db.pool.query('SELECT member_id FROM reputations LIMIT 1')).rows[0].member_id;
    const { errors } = await r.gql(`query($id: ID!) { reputation(memberId: $id) { ${selection} } }`, { id: memberId });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } })]);
  });

  it('serves a subgraph SDL that extends Member by its key with reputation', async () => {
    const { data } = await r.gql('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type Member\s+@extends\s+@key\(fields: "id"\)\s*\{\s+id: ID! @external\s+reputation: Reputation/);
  });
});
