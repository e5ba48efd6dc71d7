import { expect } from '@jest/globals';
import type { Stack } from '@payforward/testing';

/**
 * Shared pieces of the marketplace's end-to-end specs: members, offers and requests made
 * through the gateway, the operations' texts, and assertions on the contract's error shape.
 * Not a spec itself (jest only picks up *.e2e.spec.ts).
 */

export interface Member {
  id: string;
  token: string;
  email: string;
}

type Result = Awaited<ReturnType<Stack['gql']>>;

/** The data of a successful operation; a failed one fails the test with its errors. */
export function ok<T = Record<string, any>>(result: Result): T {
  if (result.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** A refusal with the contract's shape: `extensions.code`, and `extensions.field` naming the input when given. */
export function expectRefused(result: Result, code: string, field?: RegExp): { message: string; extensions?: Record<string, unknown> } {
  expect(result.errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code }) })]);
  const error = result.errors![0]!;
  // Domain refusals name the input path (`input.capacity`), graphql-js coercion only the leaf (`kind`).
  if (field) expect(error.extensions?.field).toEqual(expect.stringMatching(field));
  return error;
}

export const REQUEST_FIELDS = `id status message goal scheduledAt declineReason declineNote guidance vouchStatement referralOutcome createdAt updatedAt
  offer { id kind } seeker { id } mentor { id }`;

export const OPS = {
  register: 'mutation($input: RegisterInput!) { register(input: $input) { token member { id } } }',
  login: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token member { id roles } } }',
  publish: `mutation($input: PublishOfferInput!) {
    publishOffer(input: $input) { id kind title description topics capacity period durationMinutes remainingCapacity status mentor { id } }
  }`,
  availability: 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates } }',
  request: `mutation($input: RequestHelpInput!) { requestHelp(input: $input) { ${REQUEST_FIELDS} } }`,
  accept: `mutation($id: ID!, $at: DateTime) { acceptRequest(id: $id, scheduledAt: $at) { ${REQUEST_FIELDS} } }`,
  decline: `mutation($id: ID!, $reason: DeclineReason!, $note: String) { declineRequest(id: $id, reason: $reason, note: $note) { ${REQUEST_FIELDS} } }`,
  withdraw: `mutation($id: ID!) { withdrawRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  complete: `mutation($id: ID!) { completeRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  noShow: `mutation($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { ${REQUEST_FIELDS} } }`,
  feedback: `mutation($id: ID!, $rating: Int!, $note: String) { leaveFeedback(requestId: $id, rating: $rating, note: $note) { ${REQUEST_FIELDS} } }`,
  vouch: `mutation($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { ${REQUEST_FIELDS} } }`,
  outcome: `mutation($id: ID!, $outcome: ReferralOutcome!) { reportReferralOutcome(requestId: $id, outcome: $outcome) { ${REQUEST_FIELDS} } }`,
  intro: `mutation($id: ID!, $consent: Boolean!) { respondToIntro(requestId: $id, consent: $consent) { ${REQUEST_FIELDS} } }`,
  relationship: `query($m: ID!, $s: ID!) {
    relationship(mentorId: $m, seekerId: $s) { mentor { id } seeker { id } completedEngagements workedTogether referralEligible }
  }`,
  contactOf: 'query($id: ID!) { member(id: $id) { id contact { email } } }',
};

let counter = 0;

/** Every member `register` makes has this password. */
export const PASSWORD = 'a long enough password';

/** Registers a member through the gateway (identity), with an e-mail unique to this run. */
export async function register(stack: Stack, name: string, timezone = 'UTC'): Promise<Member> {
  const email = `${name.toLowerCase()}-${++counter}-${stack.suffix}@example.com`;
  const { register: r } = ok<{ register: { token: string; member: { id: string } } }>(
    await stack.gql(OPS.register, { input: { email, password: PASSWORD, displayName: name, headline: `${name} in the e2e spec`, timezone } }),
  );
  return { id: r.member.id, token: r.token, email };
}

export async function loginAdmin(stack: Stack): Promise<Member> {
  const { login } = ok<{ login: { token: string; member: { id: string; roles: string[] } } }>(
    await stack.gql(OPS.login, { email: stack.admin.email, password: stack.admin.password }),
  );
  expect(login.member.roles).toContain('ADMIN');
  return { id: login.member.id, token: login.token, email: stack.admin.email };
}

const DEFAULTS: Record<string, Record<string, unknown>> = {
  ADVICE_CALL: { title: 'Backend career chat', topics: ['backend', 'career growth'], capacity: 3, period: 'WEEK', durationMinutes: 30 },
  MOCK_INTERVIEW: { title: 'System design mock interview', topics: ['system design'], capacity: 2, period: 'WEEK', durationMinutes: 60 },
  RESUME_REVIEW: { title: 'Résumé review for backend roles', topics: ['resume'], capacity: 5, period: 'MONTH' },
  INTRO: { title: 'Intros to engineering managers', topics: ['networking'], capacity: 2, period: 'MONTH' },
  REFERRAL: { title: 'Referral to my company', topics: ['referral'], capacity: 2, period: 'MONTH' },
};

export function offerInput(kind: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind, description: `A bounded ${kind.toLowerCase().replace('_', ' ')} offer from the e2e spec.`, ...DEFAULTS[kind], ...over };
}

/** Publishes an offer as `mentor`; the marketplace may take a moment to learn of a member just registered. */
export async function publish(stack: Stack, mentor: Member, kind: string, over: Record<string, unknown> = {}) {
  return ok<{ publishOffer: Record<string, any> }>(await stack.gql(OPS.publish, { input: offerInput(kind, over) }, mentor.token)).publishOffer;
}

export const MESSAGE = 'Hi! I am preparing for backend interviews and would value your perspective on how to structure my preparation.';
export const GOAL = 'A clear preparation plan for the next month.';

export async function requestHelp(stack: Stack, seeker: Member, offerId: string, over: Record<string, unknown> = {}) {
  return ok<{ requestHelp: Record<string, any> }>(await stack.gql(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL, ...over } }, seeker.token))
    .requestHelp;
}

/** Runs a mutation that must succeed and returns its single root field. */
export async function act(stack: Stack, op: string, variables: Record<string, unknown>, who: Member): Promise<Record<string, any>> {
  const data = ok(await stack.gql(op, variables, who.token));
  return Object.values(data)[0] as Record<string, any>;
}

/** Windows covering every day, so any slot that does not cross midnight is bookable. */
export const ALWAYS_AVAILABLE = { windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })), blackoutDates: [] };

/** A UTC instant `days` from now at `hour`:00 (mentors in the specs live in UTC). */
export function daysFromNowAt(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}
