import { jest } from '@jest/globals';
import { GOAL, MESSAGE, OPS, offerInput, startMarketplace, type GqlResult, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * Authorization on the server (DESIGN §5): anonymous callers may only browse offers; members act
 * only on their own offers and requests. Every refusal changes nothing.
 */
jest.setTimeout(60_000);

type Who = { id: string; token: string };

let m: SpecMarketplace;
let mentor: Who;
let seeker: Who;
let stranger: Who;
let admin: Who;
let offerId: string;
let pending: string;
let accepted: string;

beforeAll(async () => {
  m = await startMarketplace('authz');
  [mentor, seeker, stranger] = [await m.member('Maya'), await m.member('Sam'), await m.member('Ben')];
  admin = await m.member('Ada', { roles: ['MEMBER', 'ADMIN'] });
  offerId = (await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token)).publishOffer.id;
  pending = (await m.ok(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL } }, seeker.token)).requestHelp.id;
  const other = await m.member('Lee');
  accepted = (await m.ok(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL } }, other.token)).requestHelp.id;
  await m.ok(OPS.accept, { id: accepted, at: null }, mentor.token);
}, 60_000);

afterAll(async () => {
  await m?.close();
}, 60_000);

async function expectRefused(run: () => Promise<GqlResult>, code: 'FORBIDDEN' | 'UNAUTHENTICATED'): Promise<void> {
  const before = await m.eventCount();
  const { errors } = await run();
  expect(errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code }) })]);
  expect(await m.eventCount()).toBe(before);
}

const FORGED = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('the subgraph schema', () => {
  it('extends identity’s Member Federation v1 style and serves the dashboard subscription', async () => {
    const { _service } = await m.ok('{ _service { sdl } }');
    expect(_service.sdl).toMatch(/type Member\s+@extends\s+@key\(fields: "id"\)\s*\{\s*id: ID! @external\s*\}/);
    expect(_service.sdl).toMatch(/type Subscription @extends \{[^}]*mentorDashboardChanged: MentorDashboard!/);
  });
});

describe('anonymous callers', () => {
  it('may browse offers and read one', async () => {
    const { offers } = await m.ok('{ offers { totalCount nodes { id remainingCapacity mentor { id } } } }');
    expect(offers.nodes).toEqual([{ id: offerId, remainingCapacity: 4, mentor: { id: mentor.id } }]);
    expect((await m.ok('query($id: ID!) { offer(id: $id) { id } }', { id: offerId })).offer).toEqual({ id: offerId });
  });

  it.each([
    ['publishOffer', () => m.gql(OPS.publish, { input: offerInput('ADVICE_CALL') })],
    ['requestHelp', () => m.gql(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL } })],
    ['requestHelp with a forged token', () => m.gql(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL } }, FORGED)],
    ['acceptRequest', () => m.gql(OPS.accept, { id: pending, at: null })],
    ['helpRequest', () => m.gql(OPS.helpRequest, { id: pending })],
    ['myRequests', () => m.gql('{ myRequests(as: SEEKER) { id } }')],
    ['mentorDashboard', () => m.gql(OPS.dashboard)],
    ['relationship', () => m.gql(OPS.relationship, { m: mentor.id, s: seeker.id })],
    ['setAvailability', () => m.gql(OPS.availability, { input: { windows: [] } })],
    ['blockMember', () => m.gql('mutation($id: ID!) { blockMember(memberId: $id) }', { id: seeker.id })],
  ])('are refused %s with UNAUTHENTICATED', async (_, run) => {
    await expectRefused(run, 'UNAUTHENTICATED');
  });
});

describe('members acting on what is not theirs', () => {
  it.each([
    ['a stranger accepting', () => m.gql(OPS.accept, { id: pending, at: null }, stranger.token)],
    ['the seeker accepting their own request', () => m.gql(OPS.accept, { id: pending, at: null }, seeker.token)],
    ['a stranger declining', () => m.gql(OPS.decline, { id: pending, reason: 'OTHER', note: null }, stranger.token)],
    ['the mentor withdrawing the seeker’s request', () => m.gql(OPS.withdraw, { id: pending }, mentor.token)],
    ['the seeker completing', () => m.gql(OPS.complete, { id: accepted }, seeker.token)],
    ['a stranger reporting a no-show', () => m.gql(OPS.noShow, { id: accepted, absent: 'MENTOR' }, stranger.token)],
    ['a stranger leaving feedback', () => m.gql(OPS.feedback, { id: accepted, rating: 5, note: null }, stranger.token)],
    ['the seeker vouching', () => m.gql(OPS.vouch, { id: accepted, statement: 'I can speak to my own work very well.' }, seeker.token)],
    ['the mentor reporting a referral outcome', () => m.gql(OPS.outcome, { id: accepted, outcome: 'HIRED' }, mentor.token)],
    ['someone who is not the intro target answering', () => m.gql(OPS.intro, { id: accepted, consent: true }, seeker.token)],
    ['a stranger pausing the offer', () => m.gql('mutation($id: ID!) { pauseOffer(id: $id) { id } }', { id: offerId }, stranger.token)],
    ['a stranger updating the offer', () => m.gql('mutation($id: ID!) { updateOffer(id: $id, input: { capacity: 1 }) { id } }', { id: offerId }, stranger.token)],
    ['a stranger reading the request', () => m.gql(OPS.helpRequest, { id: pending }, stranger.token)],
    ['a stranger reading the relationship of two others', () => m.gql(OPS.relationship, { m: mentor.id, s: seeker.id }, stranger.token)],
  ])('given %s, then FORBIDDEN', async (_, run) => {
    await expectRefused(run, 'FORBIDDEN');
  });

  it('given the request’s parties and an admin, when reading it, then each sees it', async () => {
    for (const who of [seeker, mentor, admin]) {
      expect((await m.ok(OPS.helpRequest, { id: pending }, who.token)).helpRequest).toMatchObject({ id: pending, message: MESSAGE });
    }
  });

  it('given a blocked member, when they ask the mentor for help, then FORBIDDEN', async () => {
    expect(await m.ok('mutation($id: ID!) { blockMember(memberId: $id) }', { id: stranger.id }, mentor.token)).toEqual({ blockMember: true });
    await expectRefused(() => m.gql(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL } }, stranger.token), 'FORBIDDEN');
  });

  it('given the seeker, when they withdraw their request, then WITHDRAWN; only they see it in their list', async () => {
    expect((await m.ok(OPS.withdraw, { id: pending }, seeker.token)).withdrawRequest.status).toBe('WITHDRAWN');
    const mine = '{ myRequests(as: SEEKER) { id status } }';
    expect((await m.ok(mine, {}, seeker.token)).myRequests).toEqual([{ id: pending, status: 'WITHDRAWN' }]);
    expect((await m.ok(mine, {}, stranger.token)).myRequests).toEqual([]);
    const asMentor = await m.ok('{ myRequests(as: MENTOR, status: [ACCEPTED]) { id } }', {}, mentor.token);
    expect(asMentor.myRequests).toEqual([{ id: accepted }]);
  });
});
