import { jest } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { pgConfig, startStack, waitFor, type Stack } from '@payforward/testing';
import { act, ALWAYS_AVAILABLE, expectRefused, MESSAGE, GOAL, OPS, offerInput, publish, register, requestHelp, type Member } from './e2e/marketplace.fixtures.js';

/**
 * The mentor's live dashboard over graphql-ws through the gateway, and the contract's promise
 * for bad input: BAD_USER_INPUT naming the field, and nothing written to the event store.
 */
jest.setTimeout(90_000);

let stack: Stack;
let marketplaceDb: pg.Pool;
let mentor: Member;
let seeker: Member;
let callOfferId: string;
let introOfferId: string;
let ws: Client | undefined;

const eventCount = async () => Number((await marketplaceDb.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

beforeAll(async () => {
  stack = await startStack();
  marketplaceDb = new pg.Pool({ ...pgConfig(), database: stack.databases.marketplace, max: 2 });
  mentor = await register(stack, 'Maya');
  seeker = await register(stack, 'Sam');
  callOfferId = (await publish(stack, mentor, 'ADVICE_CALL')).id;
  introOfferId = (await publish(stack, mentor, 'INTRO')).id;
  await act(stack, OPS.availability, { input: ALWAYS_AVAILABLE }, mentor);
}, 240_000);

afterAll(async () => {
  await ws?.dispose();
  await marketplaceDb?.end();
  await stack?.stop();
}, 60_000);

describe('the mentor dashboard, live', () => {
  it('given a mentor subscribed to mentorDashboardChanged, when a seeker asks for help, then the mentor receives the dashboard with the new request', async () => {
    ws = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${mentor.token}` }, retryAttempts: 0 });
    const received: { pending: { id: string; seeker: { id: string } }[]; offers: { offer: { id: string }; remaining: number }[] }[] = [];
    const failures: unknown[] = [];
    ws.subscribe(
      { query: 'subscription { mentorDashboardChanged { pending { id seeker { id } } offers { offer { id } remaining } } }' },
      { next: ({ data }) => received.push((data as { mentorDashboardChanged: (typeof received)[number] }).mentorDashboardChanged), error: (e) => failures.push(e), complete: () => undefined },
    );
    // A subscription has no acknowledgement: the gateway opens it on the subgraph in the background. A
    // new seeker asks until a change reaches the mentor (the first request, unless it raced the opening).
    let request: Record<string, any> | undefined;
    for (let attempt = 0; attempt < 5 && !received.some((d) => d.pending.some((p) => p.id === request?.id)); attempt++) {
      const asker = attempt === 0 ? seeker : await register(stack, `Asker${attempt}`);
      request = await requestHelp(stack, asker, callOfferId);
      await waitFor(() => failures.length > 0 || received.some((d) => d.pending.some((p) => p.id === request!.id)), { timeoutMs: 10_000, what: 'a dashboard change' }).catch(() => undefined);
    }
    expect(failures).toEqual([]);
    const dashboard = received.find((d) => d.pending.some((p) => p.id === request!.id))!;
    expect(dashboard).toBeDefined();
    expect(dashboard.offers.map((o) => o.offer.id)).toEqual(expect.arrayContaining([callOfferId, introOfferId]));
  });

  it('given no token, when subscribing, then the subscription is refused', async () => {
    const anonymous = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const outcome = await new Promise<unknown>((resolve) => {
      anonymous.subscribe({ query: 'subscription { mentorDashboardChanged { pending { id } } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    await anonymous.dispose();
    expect(JSON.stringify(outcome)).toMatch(/UNAUTHENTICATED|sign in|log in|token/i);
  });
});

describe('bad input through the gateway', () => {
  const unknownId = '0193a0b4-6f1e-7c3a-9d2e-00000000abcd';
  const cases: [string, string, () => Promise<Awaited<ReturnType<Stack['gql']>>>, RegExp][] = [
    ['an over-long message', 'requestHelp', () => stack.gql(OPS.request, { input: { offerId: callOfferId, message: 'x'.repeat(2001), goal: GOAL } }, seeker.token), /message$/],
    ['a too-short goal', 'requestHelp', () => stack.gql(OPS.request, { input: { offerId: callOfferId, message: MESSAGE, goal: 'help' } }, seeker.token), /goal$/],
    ['an unknown intro target', 'requestHelp', () => stack.gql(OPS.request, { input: { offerId: introOfferId, message: MESSAGE, goal: GOAL, introTargetId: unknownId } }, seeker.token), /introTargetId$/],
    ['an invalid enum', 'publishOffer', () => stack.gql(OPS.publish, { input: offerInput('ADVICE_CALL', { kind: 'COFFEE_CHAT' }) }, mentor.token), /kind$/],
    ['a negative capacity', 'publishOffer', () => stack.gql(OPS.publish, { input: offerInput('ADVICE_CALL', { capacity: -1 }) }, mentor.token), /capacity$/],
    ['a malformed window time', 'setAvailability', () => stack.gql(OPS.availability, { input: { windows: [{ weekday: 1, start: '9am', end: '17:00' }] } }, mentor.token), /start$/],
    ['a malformed blackout date', 'setAvailability', () => stack.gql(OPS.availability, { input: { windows: [], blackoutDates: ['2031-13-45'] } }, mentor.token), /blackoutDates/],
    ['a malformed slot time', 'acceptRequest', () => stack.gql(OPS.accept, { id: pendingId, at: 'next tuesday at ten' }, mentor.token), /scheduledAt$/],
  ];
  let pendingId: string;

  beforeAll(async () => {
    pendingId = (await requestHelp(stack, await register(stack, 'Lee'), callOfferId)).id;
  }, 60_000);

  it.each(cases)('given %s, when calling %s, then BAD_USER_INPUT names the field and nothing is written', async (_what, _op, call, field) => {
    const before = await eventCount();
    expectRefused(await call(), 'BAD_USER_INPUT', field);
    expect(await eventCount()).toBe(before);
  });

  it('given an unknown request id, when the mentor accepts it, then NOT_FOUND on id and nothing is written', async () => {
    const before = await eventCount();
    expectRefused(await stack.gql(OPS.accept, { id: unknownId, at: null }, mentor.token), 'NOT_FOUND', /(^|\.)id$/);
    expect(await eventCount()).toBe(before);
  });
});
