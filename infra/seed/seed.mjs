// Seeds a believable demo marketplace through the public GraphQL API (so it exercises the real
// write path end to end) and prints the demo logins.
//   node infra/seed/seed.mjs [gatewayUrl]      (default http://127.0.0.1:4000/graphql)
// Idempotent: a system that is already seeded is detected (the demo mentor has offers) and left
// alone; members that exist already (an older seed) are logged in instead of registered.
import { client, dateInDays, eventually, GraphQLFailure, nextFreeSlot, progress, until } from './client.mjs';
import { AVAILABILITY, DEMO_PASSWORD, MEMBERS, OFFERS } from './people.mjs';
import { BLIND_REFERRAL, STORIES } from './stories.mjs';

const endpoint = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
const { gql } = client(endpoint);
const admin = { email: process.env.PAYFORWARD_ADMIN_EMAIL, password: process.env.PAYFORWARD_ADMIN_PASSWORD };
const SCHEDULED = new Set(['ADVICE_CALL', 'MOCK_INTERVIEW']);

const AUTH = '{ token member { id } }';
const REQUEST = '{ id status scheduledAt guidance }';
const ops = {
  register: `mutation($input: RegisterInput!) { register(input: $input) ${AUTH} }`,
  login: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) ${AUTH} }`,
  offersOf: 'query($mentorId: ID!) { offers(filter: { mentorId: $mentorId }, first: 1) { totalCount } }',
  myRequests: 'query { myRequests(as: SEEKER) { id } }',
  publish: 'mutation($input: PublishOfferInput!) { publishOffer(input: $input) { id status } }',
  update: 'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }',
  pause: 'mutation($id: ID!) { pauseOffer(id: $id) { status } }',
  retire: 'mutation($id: ID!) { retireOffer(id: $id) { status } }',
  availability: 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates } }',
  request: `mutation($input: RequestHelpInput!) { requestHelp(input: $input) ${REQUEST} }`,
  accept: `mutation($id: ID!, $at: DateTime) { acceptRequest(id: $id, scheduledAt: $at) ${REQUEST} }`,
  decline: `mutation($id: ID!, $reason: DeclineReason!, $note: String) { declineRequest(id: $id, reason: $reason, note: $note) ${REQUEST} }`,
  withdraw: `mutation($id: ID!) { withdrawRequest(id: $id) ${REQUEST} }`,
  complete: `mutation($id: ID!) { completeRequest(id: $id) ${REQUEST} }`,
  noShow: `mutation($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) ${REQUEST} }`,
  feedback: `mutation($id: ID!, $rating: Int!, $note: String) { leaveFeedback(requestId: $id, rating: $rating, note: $note) ${REQUEST} }`,
  vouch: `mutation($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) ${REQUEST} }`,
  outcome: `mutation($id: ID!, $outcome: ReferralOutcome!) { reportReferralOutcome(requestId: $id, outcome: $outcome) ${REQUEST} }`,
  intro: `mutation($id: ID!, $consent: Boolean!) { respondToIntro(requestId: $id, consent: $consent) ${REQUEST} }`,
  attest: 'mutation($memberId: ID!, $context: String!) { attestWorkedTogether(memberId: $memberId, context: $context) { workedTogether } }',
  confirm: 'mutation($mentorId: ID!) { confirmWorkedTogether(mentorId: $mentorId) { workedTogether referralEligible } }',
  relationship: 'query($m: ID!, $s: ID!) { relationship(mentorId: $m, seekerId: $s) { referralEligible } }',
  block: 'mutation($memberId: ID!) { blockMember(memberId: $memberId) }',
};

const people = {}; // key -> { id, token }
const offers = {}; // key -> { id, kind, mentor, durationMinutes }
const availability = {}; // mentor key -> Availability (as the API returned it)
const busy = {}; // mentor key -> [[startMs, endMs]] of sessions accepted by this seed

async function signIn(email, password) {
  const { login } = await gql(ops.login, { email, password });
  return { id: login.member.id, token: login.token };
}

/** fresh: nothing (or only members of an older seed); done: seeded before; partial: a run stopped midway. */
async function seededState() {
  let maya;
  try {
    maya = await signIn(MEMBERS.maya.email, DEMO_PASSWORD);
  } catch (error) {
    if (error instanceof GraphQLFailure && error.code === 'UNAUTHENTICATED') return 'fresh';
    throw error;
  }
  const { offers: found } = await gql(ops.offersOf, { mentorId: maya.id });
  if (found.totalCount === 0) return 'fresh';
  // Zoe's second request is the last story: present means the previous run finished.
  const zoe = await signIn(MEMBERS.zoe.email, DEMO_PASSWORD).catch(() => null);
  const requests = zoe ? (await gql(ops.myRequests, {}, zoe.token)).myRequests : [];
  return requests.length >= 2 ? 'done' : 'partial';
}

async function seedMembers() {
  const bar = progress('members', Object.keys(MEMBERS).length);
  for (const [key, profile] of Object.entries(MEMBERS)) {
    try {
      const { register } = await gql(ops.register, { input: { ...profile, password: DEMO_PASSWORD } });
      people[key] = { id: register.member.id, token: register.token };
    } catch (error) {
      if (!(error instanceof GraphQLFailure && error.code === 'CONFLICT')) throw error;
      people[key] = await signIn(profile.email, DEMO_PASSWORD); // registered by an older seed
    }
    bar.tick();
  }
  bar.end();
}

async function seedAvailability() {
  const bar = progress('availability', Object.keys(AVAILABILITY).length);
  for (const [mentor, { windows, blackoutInDays }] of Object.entries(AVAILABILITY)) {
    const input = { windows, blackoutDates: blackoutInDays.map(dateInDays) };
    // The marketplace learns each member's time zone from identity's events: it may lag a moment.
    const { setAvailability } = await eventually(() => gql(ops.availability, { input }, people[mentor].token));
    availability[mentor] = setAvailability;
    busy[mentor] = [];
    bar.tick();
  }
  bar.end();
}

async function seedOffers() {
  const bar = progress('offers', OFFERS.length + 3);
  for (const { key, mentor, ...input } of OFFERS) {
    const { publishOffer } = await eventually(() => gql(ops.publish, { input }, people[mentor].token));
    offers[key] = { id: publishOffer.id, kind: input.kind, mentor, durationMinutes: input.durationMinutes };
    bar.tick();
  }
  const token = (key) => people[offers[key].mentor].token;
  await gql(ops.update, { id: offers['maya.call'].id, input: { description: `${OFFERS[0].description} Evenings Berlin time.` } }, token('maya.call'));
  bar.tick();
  await gql(ops.pause, { id: offers['hannah.mock'].id }, token('hannah.mock'));
  bar.tick();
  await gql(ops.retire, { id: offers['ifeoma.call'].id }, token('ifeoma.call'));
  bar.tick();
  bar.end();
}

const waitForReferralEligibility = (mentor, seeker) =>
  until(
    async () => (await gql(ops.relationship, { m: people[mentor].id, s: people[seeker].id }, people[seeker].token)).relationship?.referralEligible,
    `the relationship between ${mentor} and ${seeker} to allow a referral`,
    60_000,
  );

async function play(story) {
  const offer = offers[story.offer];
  const mentor = people[offer.mentor];
  const seeker = people[story.seeker];
  if (story.workedTogether) {
    await eventually(() => gql(ops.attest, { memberId: seeker.id, context: story.workedTogether.context }, mentor.token));
    await eventually(() => gql(ops.confirm, { mentorId: mentor.id }, seeker.token));
  }
  if (story.workedTogether || story.afterEligible) await waitForReferralEligibility(offer.mentor, story.seeker);
  const input = { offerId: offer.id, message: story.message, goal: story.goal, ...(story.introTarget ? { introTargetId: people[story.introTarget].id } : {}) };
  let request = (await eventually(() => gql(ops.request, { input }, seeker.token))).requestHelp;
  const id = request.id;
  for (const step of story.then) {
    const [action, arg] = typeof step === 'string' ? [step, undefined] : Object.entries(step)[0];
    switch (action) {
      case 'accept': {
        const at = SCHEDULED.has(offer.kind) ? nextFreeSlot(availability[offer.mentor], offer.durationMinutes, busy[offer.mentor]) : null;
        request = (await gql(ops.accept, { id, at }, mentor.token)).acceptRequest;
        break;
      }
      case 'decline':
        request = (await gql(ops.decline, { id, reason: arg[0], note: arg[1] }, mentor.token)).declineRequest;
        break;
      case 'withdraw':
        request = (await gql(ops.withdraw, { id }, seeker.token)).withdrawRequest;
        break;
      case 'complete':
        request = (await gql(ops.complete, { id }, mentor.token)).completeRequest;
        break;
      case 'noShow':
        request = (await gql(ops.noShow, { id, absent: arg }, mentor.token)).reportNoShow;
        break;
      case 'feedback':
        for (const [side, [rating, note]] of Object.entries(arg)) {
          await gql(ops.feedback, { id, rating, note }, side === 'seeker' ? seeker.token : mentor.token);
        }
        break;
      case 'vouch':
        request = (await gql(ops.vouch, { id, statement: arg }, mentor.token)).vouch;
        break;
      case 'outcome':
        request = (await gql(ops.outcome, { id, outcome: arg }, seeker.token)).reportReferralOutcome;
        break;
      case 'intro':
        request = (await gql(ops.intro, { id, consent: arg }, people[story.introTarget].token)).respondToIntro;
        break;
      default:
        throw new Error(`unknown story step ${action}`);
    }
  }
  return request.status;
}

async function seedRequests() {
  const states = {};
  const blind = BLIND_REFERRAL;
  let refusal = '(not refused!)';
  try {
    await gql(ops.request, { input: { offerId: offers[blind.offer].id, message: blind.message, goal: blind.goal } }, people[blind.seeker].token);
  } catch (error) {
    if (!(error instanceof GraphQLFailure && error.code === 'RELATIONSHIP_REQUIRED')) throw error;
    refusal = error.errors[0].message;
  }
  const bar = progress('help requests', STORIES.length);
  for (const story of STORIES) {
    const status = await play(story);
    states[status] = (states[status] ?? 0) + 1;
    bar.tick();
  }
  bar.end();
  // Hannah no longer takes requests from Ben (blocking is silent to him).
  await gql(ops.block, { memberId: people.ben.id }, people.hannah.token);
  return { states, refusal };
}

async function verifyAdmin() {
  if (!admin.email || !admin.password) return '  admin   (none: set PAYFORWARD_ADMIN_EMAIL and PAYFORWARD_ADMIN_PASSWORD before identity starts)';
  try {
    await signIn(admin.email, admin.password);
    return `  admin   ${admin.email.padEnd(30)} password: ${admin.password}`;
  } catch (error) {
    return `  admin   ${admin.email} — login failed (${error.message}); identity bootstraps it at start when both variables are set`;
  }
}

function printLogins(adminLine) {
  console.log(`\nDemo logins (password for demo members: ${DEMO_PASSWORD})`);
  console.log(`  seeker  ${MEMBERS.sam.email.padEnd(30)} ${MEMBERS.sam.displayName}: a vouched referral, an upcoming call, pending requests`);
  console.log(`  mentor  ${MEMBERS.maya.email.padEnd(30)} ${MEMBERS.maya.displayName}: five offers, pending requests and upcoming sessions on the dashboard`);
  console.log(adminLine);
}

const state = await seededState();
if (state === 'done') {
  console.log('    demo data present already: nothing to do');
} else if (state === 'partial') {
  console.log('    a previous seed stopped midway: its data is partial and is left as it is');
  console.log('    (for a complete demo, start from empty databases and seed again)');
} else {
  const started = Date.now();
  await seedMembers();
  await seedAvailability();
  await seedOffers();
  const { states, refusal } = await seedRequests();
  const summary = Object.entries(states).map(([s, n]) => `${s} ${n}`).join(', ');
  console.log(`    ${STORIES.length} requests: ${summary}`);
  console.log(`    a blind referral was refused as it should be: "${refusal}"`);
  console.log('    note: no EXPIRED request is seeded (a request expires after 7 days without an answer)');
  console.log(`    seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
printLogins(await verifyAdmin());
