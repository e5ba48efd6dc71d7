import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { ALWAYS_AVAILABLE, GOAL, MESSAGE, OPS, offerInput, startMarketplace, type GqlResult, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * Bad input gets a typed error naming the field (DESIGN §5) and changes nothing: every case
 * checks the event store's count before and after. Domain refusals name the GraphQL input path
 * (`input.capacity`); graphql-js coercion names the leaf or the variable (`kind`, `reason`).
 */
jest.setTimeout(60_000);

let m: SpecMarketplace;
let mentor: { id: string; token: string };
let seeker: { id: string; token: string };
let callOffer: string;
let pendingCall: string;

beforeAll(async () => {
  m = await startMarketplace('bad_input');
  mentor = await m.member('Maya');
  seeker = await m.member('Sam');
  callOffer = (await m.ok(OPS.publish, { input: offerInput('ADVICE_CALL') }, mentor.token)).publishOffer.id;
  // Mondays 09:00–12:00 only, and one blackout Monday.
  await m.ok(OPS.availability, { input: { windows: [{ weekday: 1, start: '09:00', end: '12:00' }], blackoutDates: ['2031-03-17'] } }, mentor.token);
  pendingCall = (await m.ok(OPS.request, { input: { offerId: callOffer, message: MESSAGE, goal: GOAL } }, seeker.token)).requestHelp.id;
}, 60_000);

afterAll(async () => {
  await m?.close();
}, 60_000);

/** Runs the operation and checks: one error with this code and field, and not one event written. */
async function expectRefusedUnchanged(run: () => Promise<GqlResult>, code: string, field: string): Promise<string> {
  const before = await m.eventCount();
  const { data, errors } = await run();
  expect(errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: { code, field } })]);
  expect(data?.[Object.keys(data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(await m.eventCount()).toBe(before);
  return errors![0]!.message;
}

const request = (input: Record<string, unknown>, token = seeker.token) => () => m.gql(OPS.request, { input: { offerId: callOffer, message: MESSAGE, goal: GOAL, ...input } }, token);
const publish = (over: Record<string, unknown>) => () => m.gql(OPS.publish, { input: offerInput('ADVICE_CALL', over) }, mentor.token);
const setAvailability = (input: Record<string, unknown>) => () => m.gql(OPS.availability, { input: { ...ALWAYS_AVAILABLE, ...input } }, mentor.token);
const accept = (id: string, at: unknown) => () => m.gql(OPS.accept, { id, at }, mentor.token);

describe('requestHelp with bad input', () => {
  it.each([
    ['an over-long message', { message: 'x'.repeat(2001) }, 'input.message'],
    ['a message without substance', { message: 'Help me please' }, 'input.message'],
    ['an over-long goal', { goal: 'g'.repeat(301) }, 'input.goal'],
  ])('given %s, then BAD_USER_INPUT and nothing written', async (_, input, field) => {
    const other = await m.member('Other seeker');
    await expectRefusedUnchanged(request(input, other.token), 'BAD_USER_INPUT', field);
  });

  it.each([
    ['an unknown offer id', uuidv7()],
    ['a malformed offer id', 'offer-42'],
  ])('given %s, then NOT_FOUND on input.offerId', async (_, offerId) => {
    await expectRefusedUnchanged(request({ offerId }), 'NOT_FOUND', 'input.offerId');
  });

  it('given the mentor asking their own offer, then BAD_USER_INPUT on input.offerId', async () => {
    await expectRefusedUnchanged(request({}, mentor.token), 'BAD_USER_INPUT', 'input.offerId');
  });

  it('given an intro to a member nobody knows, then BAD_USER_INPUT on input.introTargetId', async () => {
    const intro = (await m.ok(OPS.publish, { input: offerInput('INTRO') }, mentor.token)).publishOffer.id;
    await expectRefusedUnchanged(request({ offerId: intro, introTargetId: uuidv7() }), 'BAD_USER_INPUT', 'input.introTargetId');
  });
});

describe('publishOffer and updateOffer with bad input', () => {
  it.each([
    ['a negative capacity', { capacity: -1 }, 'input.capacity'],
    ['a capacity above the bound', { capacity: 51 }, 'input.capacity'],
    ['a call without a duration', { durationMinutes: null }, 'input.durationMinutes'],
    ['a too short title', { title: 'Hi' }, 'input.title'],
    ['no topics', { topics: [] }, 'input.topics'],
  ])('given %s, then BAD_USER_INPUT naming the field', async (_, over, field) => {
    await expectRefusedUnchanged(publish(over), 'BAD_USER_INPUT', field);
  });

  it('given a kind the contract does not know, then BAD_USER_INPUT naming it', async () => {
    await expectRefusedUnchanged(publish({ kind: 'PAIR_PROGRAMMING' }), 'BAD_USER_INPUT', 'kind');
  });

  it('given a referral offer asking for zero engagements, then BAD_USER_INPUT: the relationship rule cannot be switched off', async () => {
    const message = await expectRefusedUnchanged(
      () => m.gql(OPS.publish, { input: offerInput('REFERRAL', { minCompletedEngagements: 0 }) }, mentor.token),
      'BAD_USER_INPUT',
      'input.minCompletedEngagements',
    );
    expect(message).toMatch(/always require a relationship/);
  });

  it('given an unknown offer id, when updating, then NOT_FOUND on id', async () => {
    const update = 'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }';
    await expectRefusedUnchanged(() => m.gql(update, { id: uuidv7(), input: { capacity: 2 } }, mentor.token), 'NOT_FOUND', 'id');
    await expectRefusedUnchanged(() => m.gql(update, { id: callOffer, input: { capacity: 0 } }, mentor.token), 'BAD_USER_INPUT', 'input.capacity');
  });
});

describe('setAvailability with bad input', () => {
  it.each([
    ['a malformed time', { windows: [{ weekday: 1, start: '9:00', end: '12:00' }] }, 'input.windows[0].start'],
    ['an end before the start', { windows: [{ weekday: 1, start: '12:00', end: '09:00' }] }, 'input.windows[0].end'],
    ['a weekday 8', { windows: [{ weekday: 8, start: '09:00', end: '12:00' }] }, 'input.windows[0].weekday'],
    ['overlapping windows', { windows: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 2, start: '11:00', end: '13:00' }] }, 'input.windows[1]'],
    ['an impossible blackout date', { blackoutDates: ['2031-02-30'] }, 'input.blackoutDates[0]'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
  ])('given %s, then BAD_USER_INPUT naming the field', async (_, input, field) => {
    await expectRefusedUnchanged(setAvailability(input), 'BAD_USER_INPUT', field);
  });
});

describe('answering a request with bad input', () => {
  it.each([
    ['no time for a call', null],
    ['a malformed time', 'next Monday at ten'],
    ['a time outside the weekly windows', '2031-03-24T15:00:00.000Z'],
    ['a time on a blackout date', '2031-03-17T10:00:00.000Z'],
    ['a time in the past', '2031-03-10T10:00:00.000Z'],
  ])('given %s, when accepting a call, then BAD_USER_INPUT on scheduledAt and the capacity untouched', async (_, at) => {
    await expectRefusedUnchanged(accept(pendingCall, at), 'BAD_USER_INPUT', 'scheduledAt');
  });

  it.each([
    ['an unknown request id', uuidv7()],
    ['a malformed request id', '42'],
  ])('given %s, when accepting, then NOT_FOUND on id', async (_, id) => {
    await expectRefusedUnchanged(accept(id, '2031-03-24T09:00:00.000Z'), 'NOT_FOUND', 'id');
  });

  it('given a decline reason the contract does not know, then BAD_USER_INPUT on reason', async () => {
    await expectRefusedUnchanged(() => m.gql(OPS.decline, { id: pendingCall, reason: 'BUSY', note: null }, mentor.token), 'BAD_USER_INPUT', 'reason');
  });

  it('given an over-long decline note, then BAD_USER_INPUT on note', async () => {
    await expectRefusedUnchanged(() => m.gql(OPS.decline, { id: pendingCall, reason: 'OTHER', note: 'n'.repeat(501) }, mentor.token), 'BAD_USER_INPUT', 'note');
  });

  it('given a completed request, when rating it 6, then BAD_USER_INPUT on rating', async () => {
    const review = (await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token)).publishOffer.id;
    const { id } = (await m.ok(OPS.request, { input: { offerId: review, message: MESSAGE, goal: GOAL } }, (await m.member('Lee')).token)).requestHelp;
    const lee = (await m.ok(OPS.helpRequest, { id }, mentor.token)).helpRequest.seeker.id;
    await m.ok(OPS.accept, { id, at: null }, mentor.token);
    await m.ok(OPS.complete, { id }, mentor.token);
    await expectRefusedUnchanged(() => m.gql(OPS.feedback, { id, rating: 6, note: null }, mentor.token), 'BAD_USER_INPUT', 'rating');
    await expectRefusedUnchanged(async () => m.gql(OPS.feedback, { id, rating: 0, note: null }, await m.tokenFor(lee)), 'BAD_USER_INPUT', 'rating');
  });

  it('given a slot inside the availability, when accepting, then ACCEPTED at that time (the same request the refusals left pending)', async () => {
    const { acceptRequest } = await m.ok(OPS.accept, { id: pendingCall, at: '2031-03-24T09:30:00.000Z' }, mentor.token);
    expect(acceptRequest).toMatchObject({ status: 'ACCEPTED', scheduledAt: '2031-03-24T09:30:00.000Z' });
  });
});

describe('browsing with bad input', () => {
  it.each([
    ['first: 0', { first: 0 }, 'first'],
    ['first: 101', { first: 101 }, 'first'],
    ['a cursor that is not one', { after: 'not-a-cursor' }, 'after'],
    ['a malformed mentor id', { f: { mentorId: 'maya' } }, 'filter.mentorId'],
  ])('given %s, then BAD_USER_INPUT naming the field', async (_, variables, field) => {
    const browse = 'query($f: OfferFilter, $first: Int, $after: String) { offers(filter: $f, first: $first, after: $after) { totalCount } }';
    const { errors } = await m.gql(browse, variables);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } })]);
  });
});
