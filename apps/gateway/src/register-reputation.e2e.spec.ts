import { jest } from '@jest/globals';
import { graphqlRequest, startStack, waitFor, type Stack } from '@payforward/testing';

/**
 * The vertical slice through real processes: identity (register → event + outbox → relay →
 * Kafka), reputation (consumer → read model), and the gateway composing every subgraph. The
 * gateway cannot start inside Jest on Node 20 (@mercuriusjs/gateway loads ESM-only p-map), so
 * every service runs from its build (`npx nx run-many -t build`) as a child process.
 */
jest.setTimeout(60_000);
const STEP_MS = 60_000;

let stack: Stack;
let graphql: string;
let suffix: string;

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { token member { id displayName timezone roles suspended contact { email } } }
}`;
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token member { id } } }';

let email: string;
const password = 'a long enough password';
let memberId: string;
let token: string;

beforeAll(async () => {
  stack = await startStack();
  graphql = stack.graphqlUrl;
  suffix = stack.suffix;
  email = `e2e-${suffix}@example.com`;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, STEP_MS);

describe('register through the gateway, reputation follows', () => {
  it('given a new member, when registering through the gateway, then a token and the member come back', async () => {
    const { data, errors } = await graphqlRequest(graphql, REGISTER, {
      input: { email, password, displayName: 'Eve', headline: null, timezone: 'America/New_York' },
    });
    expect(errors).toBeUndefined();
    expect(data!.register.member).toEqual({
      id: expect.any(String),
      displayName: 'Eve',
      timezone: 'America/New_York',
      roles: ['MEMBER'],
      suspended: false,
      contact: { email },
    });
    memberId = data!.register.member.id;
    token = data!.register.token;
  }, STEP_MS);

  it('given the token, when asking for me, then the member with their contact; anonymously member(id) hides it', async () => {
    const me = await graphqlRequest(graphql, '{ me { id displayName contact { email } } }', {}, token);
    expect(me).toEqual({ data: { me: { id: memberId, displayName: 'Eve', contact: { email } } } });

    const anonymous = await graphqlRequest(graphql, 'query($id: ID!) { member(id: $id) { id contact { email } } }', { id: memberId });
    expect(anonymous).toEqual({ data: { member: { id: memberId, contact: null } } });
  }, STEP_MS);

  it('given the password, when logging in, then a token; given a wrong one, then UNAUTHENTICATED', async () => {
    const ok = await graphqlRequest(graphql, LOGIN, { email: email.toUpperCase(), password });
    expect(ok.data!.login).toEqual({ token: expect.any(String), member: { id: memberId } });

    const wrong = await graphqlRequest(graphql, LOGIN, { email, password: 'not the password' });
    expect(wrong.data).toBeNull();
    expect(wrong.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  }, STEP_MS);

  it('given the registration, when the projection catches up, then reputation answers score 0, level Newcomer, also on Member', async () => {
    const reputation = await waitFor(
      async () => {
        const { data } = await graphqlRequest(graphql, 'query($id: ID!) { reputation(memberId: $id) { score level member { id displayName } } }', {
          id: memberId,
        });
        return data?.reputation ?? undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the reputation read model' },
    );
    expect(reputation).toEqual({ score: 0, level: 'Newcomer', member: { id: memberId, displayName: 'Eve' } });

    // Across subgraphs the other way: identity's Member, extended with reputation's field.
    const me = await graphqlRequest(graphql, '{ me { displayName reputation { score level badges paidForwardCount } } }', {}, token);
    expect(me).toEqual({ data: { me: { displayName: 'Eve', reputation: { score: 0, level: 'Newcomer', badges: [], paidForwardCount: 0 } } } });
  }, STEP_MS);

  it.each([
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['displayName', { displayName: '' }],
  ])('given an invalid %s, when registering, then BAD_USER_INPUT names the field', async (field, over) => {
    const { data, errors } = await graphqlRequest(graphql, REGISTER, {
      input: { email: `bad-${field}-${suffix}@example.com`, password, displayName: 'Bad', timezone: 'UTC', ...over },
    });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field } })]);
  }, STEP_MS);

  it('given an e-mail already registered, when registering again, then CONFLICT on email', async () => {
    const { errors } = await graphqlRequest(graphql, REGISTER, { input: { email, password, displayName: 'Eve 2', timezone: 'UTC' } });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'email' } })]);
  }, STEP_MS);
});
