import { jest } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { pgConfig, startStack, type Stack } from '@payforward/testing';
import { countEvents, EVENTS_PER_REGISTRATION, get, refusedWith, registerField, send } from './e2e/edge.fixtures.js';

/**
 * The query limits at the gateway, with their defaults (depth 6, 15 aliases, 10 directives, 1000
 * tokens, cost 10 000, batches of 10), in development mode. Every refused document carries a
 * `register` that would append an event to identity's store if it ran: the event count staying
 * the same shows the refusal came before any subgraph was called. Each case has a control, the
 * same request within the limit, which does write.
 */
jest.setTimeout(60_000);

let stack: Stack;
let identityDb: pg.Pool;
const events = () => countEvents(identityDb);

/** `register { member { reputation { member { … } } } }`: `depth` levels counting register itself. */
function deepRegister(depth: number): string {
  const chain = Array.from({ length: depth - 2 }, (_, i) => (i % 2 === 0 ? 'member' : 'reputation'));
  return `mutation { ${registerField(stack, 'r', `{ ${chain.join(' { ')} { __typename ${'} '.repeat(chain.length)}}`)} }`;
}

beforeAll(async () => {
  stack = await startStack();
  identityDb = new pg.Pool({ ...pgConfig(), database: stack.databases.identity, max: 2 });
}, 240_000);

afterAll(async () => {
  await identityDb?.end();
  await stack?.stop();
}, 60_000);

describe('query limits, before any subgraph is called', () => {
  it('given a depth-7 mutation, then BAD_USER_INPUT names the depth limit and nothing runs; at depth 6 it runs', async () => {
    const before = await events();
    const error = refusedWith(await send(stack, { query: deepRegister(7) }), 'BAD_USER_INPUT', 'depth');
    expect(error.message).toBe('Query depth limit of 6 exceeded, found 7.');
    expect(await events()).toBe(before);

    const control = await send(stack, { query: deepRegister(6) });
    expect(control.body.data.r.member).toHaveProperty('reputation');
    expect(await events()).toBe(before + EVENTS_PER_REGISTRATION);
  });

  it('given a fragment or an operation named __schema (the graphql-armor advisory), then the depth still counts', async () => {
    const before = await events();
    const fragment = `mutation { ${registerField(stack, 'r', '{ member { reputation { member { ...__schema } } } }')} }
      fragment __schema on Member { reputation { member { id } } }`;
    expect(refusedWith(await send(stack, { query: fragment }), 'BAD_USER_INPUT', 'depth').message).toContain('found 7');
    const operation = deepRegister(7).replace(/^mutation/, 'mutation __schema');
    refusedWith(await send(stack, { query: operation }), 'BAD_USER_INPUT', 'depth');
    expect(await events()).toBe(before);
  });

  it('given 16 aliased registrations, then the alias limit refuses them all and no member is created', async () => {
    const before = await events();
    const registrations = Array.from({ length: 16 }, (_, i) => registerField(stack, `r${i}`)).join(' ');
    const error = refusedWith(await send(stack, { query: `mutation { ${registrations} }` }), 'BAD_USER_INPUT', 'aliases');
    expect(error.message).toBe('Aliases limit of 15 exceeded, found 16.');
    expect(await events()).toBe(before);
    // 15 aliases of a cheap query pass the same limit.
    const fifteen = await send(stack, { query: `{ ${Array.from({ length: 15 }, (_, i) => `m${i}: me { id }`).join(' ')} }` });
    expect(fifteen.body).toEqual({ data: expect.objectContaining({ m0: null, m14: null }) });
  });

  it('given ten ledgers of a page size set by a variable, then 100 per page is over the cost limit and nothing runs; 10 per page runs', async () => {
    const ledgers = Array.from({ length: 10 }, (_, i) => `l${i}: ledger(first: $n) { totalCount }`).join(' ');
    const query = `mutation($n: Int) { ${registerField(stack, 'r', `{ member { reputation { ${ledgers} } } }`)} }`;
    const before = await events();
    const error = refusedWith(await send(stack, { query, variables: { n: 100 } }), 'BAD_USER_INPUT', 'cost');
    expect(error.message).toMatch(/^Query Cost limit of 10000 exceeded, found \d+/);
    expect(await events()).toBe(before);

    expect((await send(stack, { query, variables: { n: 10 } })).body.data.r.member).toBeDefined();
    expect(await events()).toBe(before + EVENTS_PER_REGISTRATION);
  });

  it('given more than 1000 tokens, then the token limit refuses the document and nothing runs', async () => {
    const before = await events();
    const query = `mutation { ${registerField(stack, 'r', `{ token ${'__typename '.repeat(1000)} }`)} }`;
    expect(refusedWith(await send(stack, { query }), 'BAD_USER_INPUT', 'tokens').message).toBe('Token limit of 1000 exceeded.');
    expect(await events()).toBe(before);
  });

  it('given 11 directives, then the directive limit refuses the document', async () => {
    const query = `{ me { ${'id @include(if: true) '.repeat(11)} } }`;
    expect(refusedWith(await send(stack, { query }), 'BAD_USER_INPUT', 'directives').message).toBe('Directives limit of 10 exceeded, found 11.');
  });
});

describe('batched requests, counted per operation', () => {
  it('given a batch whose second operation is too deep, then the whole batch is refused and its first registration never runs', async () => {
    const before = await events();
    const reply = await send(stack, [{ query: `mutation { ${registerField(stack, 'r')} }` }, { query: deepRegister(7) }]);
    expect(reply.status).toBe(400);
    expect(reply.body).toHaveLength(2);
    for (const result of reply.body) {
      expect(result.errors[0]).toMatchObject({ message: 'Operation 2 of the batch: Query depth limit of 6 exceeded, found 7.', extensions: { code: 'BAD_USER_INPUT', limit: 'depth' } });
    }
    expect(await events()).toBe(before);
  });

  it('given operations each within the cost limit whose sum is not, then the batch is refused as a whole', async () => {
    const ledgers = Array.from({ length: 6 }, (_, i) => `l${i}: ledger(first: 100) { totalCount }`).join(' ');
    const operation = () => ({ query: `mutation { ${registerField(stack, 'r', `{ member { reputation { ${ledgers} } } }`)} }` });
    const before = await events();
    const reply = await send(stack, [operation(), operation()]);
    expect(reply.body[0].errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'cost' });
    expect(reply.body[0].errors[0].message).toMatch(/^Query Cost limit of 10000 exceeded by the batch as a whole/);
    expect(await events()).toBe(before);
  });

  it('given 11 operations in one batch, then the batch limit refuses it; a batch within the limits runs every operation', async () => {
    const before = await events();
    const eleven = Array.from({ length: 11 }, (_, i) => ({ query: `mutation { ${registerField(stack, `b${i}`)} }` }));
    refusedWith(await send(stack, eleven), 'BAD_USER_INPUT', 'batch');
    expect(await events()).toBe(before);

    const two = await send(stack, [{ query: `mutation { ${registerField(stack, 'x')} }` }, { query: `mutation { ${registerField(stack, 'y')} }` }]);
    expect(two.body).toEqual([{ data: { x: { token: expect.any(String) } } }, { data: { y: { token: expect.any(String) } } }]);
    expect(await events()).toBe(before + 2 * EVENTS_PER_REGISTRATION);
  });
});

describe('development mode and the other edges', () => {
  it('given GraphiQL’s introspection query, then development answers it, deep as it is, and serves the IDE', async () => {
    const query = getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const reply = await send(stack, { query });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Member', 'Offer', 'Reputation']));
    expect((await get(stack, '/graphiql')).status).toBe(200);
  });

  it('given a misspelled field in development, then graphql-js still suggests the right one (production does not)', async () => {
    const reply = await send(stack, { query: '{ me { displayNam } }' });
    expect(refusedWith(reply, 'BAD_USER_INPUT').message).toBe('Cannot query field "displayNam" on type "Member". Did you mean "displayName"?');
  });

  it('given a text/plain POST (a form could send it cross-site), then CSRF prevention refuses it in development too', async () => {
    const before = await events();
    const reply = await send(stack, JSON.stringify({ query: `mutation { ${registerField(stack, 'r')} }` }), { headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(400);
    refusedWith(reply, 'BAD_USER_INPUT', 'csrf');
    expect(await events()).toBe(before);
  });

  it('given a too-deep subscription over the WebSocket, then it is refused with the same limit', async () => {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const query = 'subscription { mentorDashboardChanged { pending { offer { mentor { reputation { member { id } } } } } } }';
    const outcome = await new Promise<unknown>((resolve) => client.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve('complete') }));
    await client.dispose();
    expect(outcome).toEqual([expect.objectContaining({ message: 'Query depth limit of 6 exceeded, found 7.', extensions: { code: 'BAD_USER_INPUT', limit: 'depth' } })]);
  });
});
