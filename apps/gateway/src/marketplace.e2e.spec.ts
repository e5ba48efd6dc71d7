import { jest } from '@jest/globals';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import {
  act,
  ALWAYS_AVAILABLE,
  daysFromNowAt,
  expectRefused,
  ok,
  OPS,
  publish,
  register,
  requestHelp,
  type Member,
} from './e2e/marketplace.fixtures.js';

/**
 * Offers, availability and the help-request lifecycle through the gateway, on the real
 * services (built, as child processes) over real PostgreSQL and Kafka.
 */
jest.setTimeout(90_000);

let stack: Stack;
let mentor: Member;
let seekers: Member[];
let stranger: Member;
const offerIds: Record<string, string> = {};

const contactOf = async (subject: Member, viewer?: Member) =>
  ok(await stack.gql(OPS.contactOf, { id: subject.id }, viewer?.token)).member.contact as { email: string } | null;

beforeAll(async () => {
  stack = await startStack();
  mentor = await register(stack, 'Maya');
  seekers = [];
  for (const name of ['Sam', 'Lee', 'Nadia', 'Arjun', 'Chloe']) seekers.push(await register(stack, name));
  stranger = await register(stack, 'Ben');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe('offers and availability through the gateway', () => {
  it('given a mentor, when publishing, updating, pausing, resuming and retiring an offer, then each returns the offer in its new state', async () => {
    const offer = await publish(stack, mentor, 'ADVICE_CALL', { title: 'Old title for a call', capacity: 2 });
    expect(offer).toMatchObject({ kind: 'ADVICE_CALL', capacity: 2, period: 'WEEK', durationMinutes: 30, remainingCapacity: 2, status: 'ACTIVE' });
    expect(offer.mentor).toEqual({ id: mentor.id });

    const updated = await act(stack, 'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { title capacity } }', { id: offer.id, input: { title: 'Backend career chat', capacity: 3 } }, mentor);
    expect(updated).toEqual({ title: 'Backend career chat', capacity: 3 });
    const status = (op: string) => act(stack, `mutation($id: ID!) { ${op}(id: $id) { status } }`, { id: offer.id }, mentor);
    expect(await status('pauseOffer')).toEqual({ status: 'PAUSED' });
    expect(await status('resumeOffer')).toEqual({ status: 'ACTIVE' });
    offerIds.call = offer.id;

    const retired = await publish(stack, mentor, 'MOCK_INTERVIEW');
    expect(await act(stack, 'mutation($id: ID!) { retireOffer(id: $id) { status } }', { id: retired.id }, mentor)).toEqual({ status: 'RETIRED' });
    // Someone else's offer is not theirs to change.
    expectRefused(await stack.gql('mutation($id: ID!) { pauseOffer(id: $id) { status } }', { id: offer.id }, stranger.token), 'FORBIDDEN');
  });

  it('given published offers, when anyone browses by kind, topic, mentor and text, then matching offers come back in cursor pages', async () => {
    offerIds.resume = (await publish(stack, mentor, 'RESUME_REVIEW', { title: 'Résumé review for platform roles', topics: ['resume', 'platform'] })).id;
    offerIds.intro = (await publish(stack, mentor, 'INTRO')).id;
    const browse = `query($f: OfferFilter, $first: Int, $after: String) {
      offers(filter: $f, first: $first, after: $after) { totalCount hasNextPage endCursor nodes { id kind status remainingCapacity mentor { id displayName contact { email } } } }
    }`;
    const page = (filter: Record<string, unknown>, first = 10, after?: string) => stack.gql(browse, { f: { mentorId: mentor.id, ...filter }, first, after });
    const all = await waitFor(
      async () => {
        const { offers } = ok(await page({ kind: 'RESUME_REVIEW' }));
        return offers.totalCount === 1 && offers;
      },
      { timeoutMs: 30_000, what: 'the offer in the catalogue' },
    );
    expect(all.nodes).toEqual([
      { id: offerIds.resume, kind: 'RESUME_REVIEW', status: 'ACTIVE', remainingCapacity: 5, mentor: { id: mentor.id, displayName: 'Maya', contact: null } },
    ]);
    expect(ok(await page({ topic: 'platform' })).offers.nodes.map((o: { id: string }) => o.id)).toEqual([offerIds.resume]);
    expect(ok(await page({ text: 'platform roles' })).offers.nodes.map((o: { id: string }) => o.id)).toEqual([offerIds.resume]);

    const first = ok(await page({ kind: null }, 1)).offers;
    expect(first).toMatchObject({ hasNextPage: true, endCursor: expect.any(String) });
    const second = ok(await page({ kind: null }, 1, first.endCursor)).offers;
    expect(second.nodes).toHaveLength(1);
    expect(second.nodes[0].id).not.toBe(first.nodes[0].id);

    const one = ok(await stack.gql('query($id: ID!) { offer(id: $id) { id title topics mentor { id } } }', { id: offerIds.resume }));
    expect(one.offer).toEqual({ id: offerIds.resume, title: 'Résumé review for platform roles', topics: ['resume', 'platform'], mentor: { id: mentor.id } });
  });

  it('given weekly windows and a blackout date, when setting availability, then they come back in the mentor’s time zone', async () => {
    const availability = await act(stack, OPS.availability, { input: { ...ALWAYS_AVAILABLE, blackoutDates: ['2031-12-25'] } }, mentor);
    expect(availability).toEqual({ timezone: 'UTC', windows: ALWAYS_AVAILABLE.windows, blackoutDates: ['2031-12-25'] });
    expectRefused(await stack.gql(OPS.availability, { input: ALWAYS_AVAILABLE }), 'UNAUTHENTICATED');
  });
});

describe('a help request’s lifecycle through the gateway', () => {
  let callRequestId: string;

  it('given a request, when the mentor accepts it into a slot, then mentor and seeker see each other’s contact only after acceptance', async () => {
    const [sam] = seekers;
    const request = await requestHelp(stack, sam!, offerIds.call!);
    expect(request).toMatchObject({ status: 'SUBMITTED', seeker: { id: sam!.id }, mentor: { id: mentor.id }, offer: { id: offerIds.call, kind: 'ADVICE_CALL' } });
    callRequestId = request.id;

    const seen = `query($id: ID!) { helpRequest(id: $id) { status seeker { contact { email } } mentor { contact { email } } } }`;
    expect(ok(await stack.gql(seen, { id: request.id }, mentor.token)).helpRequest.seeker.contact).toBeNull();
    expect(ok(await stack.gql(seen, { id: request.id }, sam!.token)).helpRequest.mentor.contact).toBeNull();
    expect(await contactOf(sam!, mentor)).toBeNull();

    const at = daysFromNowAt(2, 10);
    const accepted = await act(stack, OPS.accept, { id: request.id, at }, mentor);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', scheduledAt: at });

    await waitFor(async () => (await contactOf(sam!, mentor))?.email === sam!.email, { timeoutMs: 30_000, what: 'the seeker’s contact for the mentor' });
    expect(await contactOf(mentor, sam!)).toEqual({ email: mentor.email });
    expect(ok(await stack.gql(seen, { id: request.id }, mentor.token)).helpRequest.seeker.contact).toEqual({ email: sam!.email });
    expect(await contactOf(sam!, stranger)).toBeNull();
    expect(await contactOf(sam!)).toBeNull();
  });

  it('given a pending request, when the mentor declines it with a reason and a note, then DECLINED with kind guidance and no contact shared', async () => {
    const lee = seekers[1]!;
    const { id } = await requestHelp(stack, lee, offerIds.resume!);
    const declined = await act(stack, OPS.decline, { id, reason: 'NOT_A_FIT', note: 'Frontend is not my area.' }, mentor);
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'NOT_A_FIT', declineNote: 'Frontend is not my area.', guidance: expect.stringMatching(/\w{3,}/) });
    expect(await contactOf(lee, mentor)).toBeNull();
  });

  it('given a pending request, when someone else or nobody withdraws it, then FORBIDDEN or UNAUTHENTICATED; the seeker withdraws it', async () => {
    const nadia = seekers[2]!;
    const { id } = await requestHelp(stack, nadia, offerIds.resume!);
    expectRefused(await stack.gql(OPS.withdraw, { id }, mentor.token), 'FORBIDDEN');
    expectRefused(await stack.gql(OPS.withdraw, { id }), 'UNAUTHENTICATED');
    expectRefused(await stack.gql(OPS.accept, { id, at: null }, stranger.token), 'FORBIDDEN');
    expect(await act(stack, OPS.withdraw, { id }, nadia)).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('given an accepted résumé review, when the mentor completes it and both leave feedback, then COMPLETED and feedback only once per side', async () => {
    const lee = seekers[1]!;
    const { id } = await requestHelp(stack, lee, offerIds.resume!);
    expect(await act(stack, OPS.accept, { id, at: null }, mentor)).toMatchObject({ status: 'ACCEPTED', scheduledAt: null });
    expect(await act(stack, OPS.complete, { id }, mentor)).toMatchObject({ status: 'COMPLETED' });
    expect(await act(stack, OPS.feedback, { id, rating: 5, note: 'Thank you, very concrete.' }, lee)).toMatchObject({ status: 'COMPLETED' });
    expect(await act(stack, OPS.feedback, { id, rating: 4, note: null }, mentor)).toMatchObject({ status: 'COMPLETED' });
    expectRefused(await stack.gql(OPS.feedback, { id, rating: 1, note: 'changed my mind' }, lee.token), 'CONFLICT');
  });

  it('given an accepted request, when the mentor reports the seeker absent, then NO_SHOW', async () => {
    const nadia = seekers[2]!;
    const { id } = await requestHelp(stack, nadia, offerIds.resume!);
    await act(stack, OPS.accept, { id, at: null }, mentor);
    expect(await act(stack, OPS.noShow, { id, absent: 'SEEKER' }, mentor)).toMatchObject({ status: 'NO_SHOW' });
  });

  it('given requests in several states, when listing them, then myRequests filters by party and status', async () => {
    const lee = seekers[1]!;
    const mine = `query($as: Party!, $status: [RequestStatus!]) { myRequests(as: $as, status: $status) { id status offer { id } } }`;
    const lees = await waitFor(
      async () => {
        const list = ok(await stack.gql(mine, { as: 'SEEKER' }, lee.token)).myRequests as { status: string }[];
        return list.length === 2 && list;
      },
      { timeoutMs: 30_000, what: 'both of Lee’s requests' },
    );
    expect(lees.map((r) => r.status).sort()).toEqual(['COMPLETED', 'DECLINED']);
    expect(ok(await stack.gql(mine, { as: 'SEEKER', status: ['COMPLETED'] }, lee.token)).myRequests).toHaveLength(1);
    const accepted = ok(await stack.gql(mine, { as: 'MENTOR', status: ['ACCEPTED'] }, mentor.token)).myRequests;
    expect(accepted.map((r: { id: string }) => r.id)).toEqual([callRequestId]);
    expectRefused(await stack.gql(mine, { as: 'SEEKER' }), 'UNAUTHENTICATED');
  });

  it('given pending and accepted requests, when the mentor opens the dashboard, then loads per offer, pending oldest first, upcoming sessions and availability', async () => {
    const [arjun, chloe] = [seekers[3]!, seekers[4]!];
    const older = await requestHelp(stack, arjun, offerIds.call!);
    const newer = await requestHelp(stack, chloe, offerIds.resume!);
    const dashboard = `{ mentorDashboard {
      offers { offer { id } used remaining periodStart periodEnd }
      pending { id createdAt } upcoming { id scheduledAt } availability { timezone windows { weekday } }
    } }`;
    const board = await waitFor(
      async () => {
        const { mentorDashboard } = ok(await stack.gql(dashboard, {}, mentor.token));
        return mentorDashboard.pending.length === 2 && mentorDashboard;
      },
      { timeoutMs: 30_000, what: 'both pending requests on the dashboard' },
    );
    expect(board.pending.map((r: { id: string }) => r.id)).toEqual([older.id, newer.id]);
    expect(board.upcoming.map((r: { id: string }) => r.id)).toEqual([callRequestId]);
    const call = board.offers.find((l: { offer: { id: string } }) => l.offer.id === offerIds.call);
    expect(call).toMatchObject({ used: 1, remaining: 2 });
    expect(Date.parse(call.periodStart)).toBeLessThan(Date.parse(call.periodEnd));
    expect(board.availability).toMatchObject({ timezone: 'UTC' });
    expect(board.availability.windows).toHaveLength(7);
    expectRefused(await stack.gql(dashboard), 'UNAUTHENTICATED');
  });

  it('given a mentor who blocked a member, when that member asks for help, then FORBIDDEN', async () => {
    expect(ok(await stack.gql('mutation($id: ID!) { blockMember(memberId: $id) }', { id: stranger.id }, mentor.token))).toEqual({ blockMember: true });
    const refused = await stack.gql(OPS.request, { input: { offerId: offerIds.intro, message: 'x'.repeat(60), goal: 'Meet someone new', introTargetId: seekers[0]!.id } }, stranger.token);
    expectRefused(refused, 'FORBIDDEN');
  });
});
