import { waitFor, type Stack } from '@payforward/testing';
import type { Person } from './journey.fixtures.js';

/** A member registered through the API (faster than the form, which the journey already covers). */
export interface Registered extends Person {
  id: string;
  token: string;
}

async function ok(stack: Stack, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  const result = await stack.gql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

export async function registerByApi(stack: Stack, who: Person): Promise<Registered> {
  const input = { displayName: who.name, email: who.email, password: who.password, timezone: who.timezone, headline: `${who.name.split(' ')[0]} on Payforward` };
  const { register } = await ok(stack, 'mutation($i: RegisterInput!) { register(input: $i) { token member { id } } }', { i: input });
  return { ...who, id: register.member.id, token: register.token };
}

/** Publishes an advice call, retried until the marketplace has consumed the mentor's registration. */
export async function publishAdviceCall(stack: Stack, mentor: Registered, title: string): Promise<string> {
  const input = { kind: 'ADVICE_CALL', title, description: 'Thirty minutes on growing as a backend engineer.', topics: ['backend'], capacity: 5, period: 'WEEK', durationMinutes: 30 };
  const { publishOffer } = await waitFor(() => ok(stack, 'mutation($i: PublishOfferInput!) { publishOffer(input: $i) { id } }', { i: input }, mentor.token), {
    timeoutMs: 45_000,
    intervalMs: 300,
    what: 'the marketplace to know the mentor',
  });
  return publishOffer.id as string;
}

/** Asks for help through the API, retried until the marketplace knows the seeker. */
export async function requestHelpByApi(stack: Stack, seeker: Registered, offerId: string): Promise<string> {
  const input = {
    offerId,
    goal: 'A plan to grow from junior to mid-level this year',
    message: 'I have been a junior backend developer for 18 months, mostly Go and PostgreSQL, and want a concrete plan.',
  };
  const { requestHelp } = await waitFor(() => ok(stack, 'mutation($i: RequestHelpInput!) { requestHelp(input: $i) { id } }', { i: input }, seeker.token), {
    timeoutMs: 45_000,
    intervalMs: 300,
    what: 'the marketplace to accept the request',
  });
  return requestHelp.id as string;
}
