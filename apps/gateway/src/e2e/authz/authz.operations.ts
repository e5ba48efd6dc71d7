import { awaitAccountMail } from '../account-mail.fixtures.js';
import { act, ALWAYS_AVAILABLE, GOAL, MESSAGE, offerInput, ok } from '../marketplace.fixtures.js';
import type { AuthzWorld, Person, Who } from './authz.world.js';

/**
 * How each row of the table is exercised: the operation's text (every Member selected with its
 * `contact`, so the scan sees what a viewer could learn) and, per cell, variables on fixtures that
 * make an allowed cell really succeed. `as` replaces the column's caller (a throwaway for cells
 * that consume a member); `self` is the e-mail a response may show because the caller just
 * proved to be that member (register, login).
 */
export interface CellCall {
  variables: Record<string, unknown>;
  as?: Person;
  self?: string;
}

export interface RowSpec {
  document: string;
  /** Where the judged value sits, for a field row ('hidden' = null there). */
  field?: string[];
  prepare(w: AuthzWorld, who: Who): Promise<CellCall>;
}

const M = '{ id displayName contact { email } }';
const REQUEST = `{ id status seeker ${M} mentor ${M} offer { id mentor ${M} } }`;
const RELATIONSHIP = `{ mentor ${M} seeker ${M} completedEngagements workedTogether referralEligible }`;

const vars = (variables: Record<string, unknown> = {}): Promise<CellCall> => Promise.resolve({ variables });

// Shared fixtures (refusals change nothing; the allowed cells of these rows do not consume them).
const ownOffer = (w: AuthzWorld) => w.once('own offer', () => w.offer(w.own, 'ADVICE_CALL'));
const pendingForOwn = (w: AuthzWorld, key: string) => w.once(key, async () => w.request(await w.member('Seeker'), await w.once('own review', () => w.offer(w.own, 'RESUME_REVIEW'))));
const someonesOffer = (w: AuthzWorld) => w.once('someone else offer', async () => w.offer(await w.member('Mentor'), 'RESUME_REVIEW'));
/** A signed-in caller with something in their inbox (anonymous: nothing to prepare). */
const inboxOf = async (w: AuthzWorld, who: Who): Promise<CellCall> => {
  const caller = w.person(who);
  if (caller) await w.once(`notified:${caller.id}`, () => w.notified(caller));
  return vars();
};
/** For admin-only operations on a member: the refused cells name own; the admin's cell a fresh member. */
const memberFor = async (w: AuthzWorld, who: Who): Promise<Person> => (who === 'admin' ? w.member('Target') : w.own);

export const ROWS: Record<string, RowSpec> = {
  'Query.me': { document: `{ me ${M} }`, prepare: () => vars() },
  'Query.member': { document: `query($id: ID!) { member(id: $id) ${M} }`, prepare: (w) => vars({ id: w.own.id }) },
  'Query.offers': {
    document: `query($f: OfferFilter) { offers(filter: $f, first: 5) { totalCount nodes { id mentor ${M} } } }`,
    prepare: async (w) => (await ownOffer(w), vars({ f: { mentorId: w.own.id } })),
  },
  'Query.offer': { document: `query($id: ID!) { offer(id: $id) { id title mentor ${M} } }`, prepare: async (w) => vars({ id: await ownOffer(w) }) },
  'Query.helpRequest': { document: `query($id: ID!) { helpRequest(id: $id) ${REQUEST} }`, prepare: async (w) => vars({ id: await pendingForOwn(w, 'read') }) },
  'Query.myRequests': { document: `{ myRequests(as: MENTOR) ${REQUEST} }`, prepare: async (w) => (await pendingForOwn(w, 'read'), vars()) },
  'Query.relationship': {
    document: `query($m: ID!, $s: ID!) { relationship(mentorId: $m, seekerId: $s) ${RELATIONSHIP} }`,
    prepare: async (w) => {
      const seeker = await w.once('relationship seeker', async () => {
        const s = await w.member('Seeker');
        await w.engagement(w.own, s, { complete: true });
        return s;
      });
      return vars({ m: w.own.id, s: seeker.id });
    },
  },
  // Shared with respondToIntro / confirmWorkedTogether: own's list holds them until own answers.
  'Query.introsAwaitingMe': { document: `{ introsAwaitingMe ${REQUEST} }`, prepare: async (w) => (await w.once('intro', () => w.introTo(w.own)), vars()) },
  'Query.attestationsAwaitingMe': {
    document: `{ attestationsAwaitingMe ${RELATIONSHIP} }`,
    prepare: async (w) => (await w.once('attested', () => w.attestedBy(w.own)), vars()),
  },
  'Query.mentorDashboard': { document: `{ mentorDashboard { pending ${REQUEST} upcoming ${REQUEST} offers { offer { id } used remaining } } }`, prepare: () => vars() },
  'Query.reputation': {
    document: `query($id: ID!) { reputation(memberId: $id) { member ${M} score ledger(first: 5) { totalCount nodes { reason } } } }`,
    prepare: async (w) => (await w.once('own known', () => w.known(w.own)), vars({ id: w.own.id })),
  },
  'Query.leaderboard': { document: `{ leaderboard(first: 5) { member ${M} score } }`, prepare: () => vars() },
  'Query.reputationFlags': { document: `{ reputationFlags { id kind member ${M} evidence resolvedBy ${M} } }`, prepare: () => vars() },
  'Query.memberHistory': { document: 'query($id: ID!) { memberHistory(memberId: $id) { id type streamId data } }', prepare: (w) => vars({ id: w.own.id }) },
  'Query.projections': { document: '{ projections { name lagEvents rebuilding } }', prepare: () => vars() },
  'Query.failedMails': { document: '{ failedMails(first: 5) { id recipientId subject lastError attempts createdAt } }', prepare: () => vars() },
  'Member.contact': { document: 'query($id: ID!) { member(id: $id) { id contact { email } } }', field: ['member', 'contact'], prepare: (w) => vars({ id: w.own.id }) },

  'Mutation.register': {
    document: `mutation($input: RegisterInput!) { register(input: $input) { token member ${M} } }`,
    prepare: async (w) => {
      const email = `authz-newcomer-${w.stack.suffix}@example.com`;
      return { variables: { input: { email, password: 'a long enough password', displayName: 'Newcomer', timezone: 'UTC' } }, self: email };
    },
  },
  'Mutation.login': {
    document: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token member ${M} } }`,
    prepare: async (w, who) => ({ variables: { email: w.own.email, password: who === 'other' ? 'not the password of this account' : w.own.password }, self: w.own.email }),
  },
  'Mutation.updateProfile': {
    document: `mutation($name: String) { updateProfile(displayName: $name) ${M} }`,
    prepare: async (w, who) => vars({ name: who === 'admin' ? 'Payforward Admin' : 'Olive' }),
  },
  'Mutation.eraseMe': {
    document: 'mutation($password: String!) { eraseMe(password: $password) }',
    prepare: async (w, who) => (who === 'own' ? { variables: { password: w.own.password }, as: await w.member('Erasable') } : vars({ password: w.own.password })),
  },
  'Mutation.publishOffer': {
    document: `mutation($input: PublishOfferInput!) { publishOffer(input: $input) { id mentor ${M} } }`,
    prepare: () => vars({ input: offerInput('MOCK_INTERVIEW') }),
  },
  'Mutation.updateOffer': {
    document: `mutation($id: ID!) { updateOffer(id: $id, input: { title: "Backend career chat, updated" }) { id title mentor ${M} } }`,
    prepare: async (w) => vars({ id: await ownOffer(w) }),
  },
  'Mutation.pauseOffer': offerChange('pauseOffer', async (w) => w.offer(w.own, 'RESUME_REVIEW')),
  'Mutation.resumeOffer': offerChange('resumeOffer', async (w) => {
    const id = await w.offer(w.own, 'RESUME_REVIEW');
    await act(w.stack, 'mutation($id: ID!) { pauseOffer(id: $id) { id } }', { id }, w.own);
    return id;
  }),
  'Mutation.retireOffer': offerChange('retireOffer', async (w) => w.offer(w.own, 'RESUME_REVIEW')),
  'Mutation.setAvailability': {
    document: 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone windows { weekday } } }',
    prepare: () => vars({ input: ALWAYS_AVAILABLE }),
  },
  'Mutation.blockMember': {
    document: 'mutation($id: ID!) { blockMember(memberId: $id) }',
    prepare: async (w) => vars({ id: (await w.once('blocked', () => w.marketplaceMember('Pest'))).id }),
  },
  'Mutation.requestHelp': {
    document: `mutation($input: RequestHelpInput!) { requestHelp(input: $input) ${REQUEST} }`,
    prepare: async (w) => vars({ input: { offerId: await someonesOffer(w), message: MESSAGE, goal: GOAL } }),
  },
  'Mutation.acceptRequest': {
    document: `mutation($id: ID!) { acceptRequest(id: $id) ${REQUEST} }`,
    prepare: async (w, who) => {
      const { id, seeker } = await w.once('accept', async () => {
        const s = await w.member('Seeker');
        return { id: await w.request(s, await w.once('own review', () => w.offer(w.own, 'RESUME_REVIEW'))), seeker: s };
      });
      // Accepting is what lets mentor and seeker see each other's contact: the reply may already show it.
      if (who === 'own') w.grant(w.own, seeker);
      return vars({ id });
    },
  },
  'Mutation.declineRequest': requestChange('mutation($id: ID!) { declineRequest(id: $id, reason: NOT_A_FIT, note: "Not my area.") %R }', (w) => pendingForOwn(w, 'decline')),
  'Mutation.withdrawRequest': requestChange('mutation($id: ID!) { withdrawRequest(id: $id) %R }', (w) =>
    w.once('withdraw', async () => w.request(w.own, await w.offer(await w.member('Mentor'), 'RESUME_REVIEW'))),
  ),
  'Mutation.completeRequest': requestChange('mutation($id: ID!) { completeRequest(id: $id) %R }', (w) =>
    w.once('complete', async () => w.engagement(w.own, await w.member('Seeker'))),
  ),
  'Mutation.reportNoShow': requestChange('mutation($id: ID!) { reportNoShow(id: $id, absent: SEEKER) %R }', (w) =>
    w.once('no-show', async () => w.engagement(w.own, await w.member('Seeker'))),
  ),
  'Mutation.leaveFeedback': requestChange('mutation($id: ID!) { leaveFeedback(requestId: $id, rating: 5, note: "Thank you!") %R }', (w) =>
    w.once('feedback', async () => w.engagement(await w.member('Mentor'), w.own, { complete: true })),
  ),
  'Mutation.vouch': requestChange('mutation($id: ID!) { vouch(requestId: $id, statement: "I reviewed their work in depth; careful, tested code.") %R }', (w) =>
    w.once('vouch', async () => w.referral(w.own, await w.member('Seeker'))),
  ),
  'Mutation.reportReferralOutcome': requestChange('mutation($id: ID!) { reportReferralOutcome(requestId: $id, outcome: INTERVIEWED) %R }', (w) =>
    w.once('outcome', async () => w.referral(await w.member('Mentor'), w.own, { vouched: true })),
  ),
  'Mutation.respondToIntro': {
    document: `mutation($id: ID!) { respondToIntro(requestId: $id, consent: true) ${REQUEST} }`,
    prepare: async (w, who) => {
      const intro = await w.once('intro', () => w.introTo(w.own));
      // Consenting is what lets the seeker and the target see each other's contact.
      if (who === 'own') w.grant(intro.seeker, w.own);
      return vars({ id: intro.id });
    },
  },
  'Mutation.attestWorkedTogether': {
    document: `mutation($id: ID!) { attestWorkedTogether(memberId: $id, context: "Built the payments service together.") ${RELATIONSHIP} }`,
    prepare: async (w) => vars({ id: (await w.once('colleague', () => w.marketplaceMember('Colleague'))).id }),
  },
  'Mutation.confirmWorkedTogether': {
    document: `mutation($id: ID!) { confirmWorkedTogether(mentorId: $id) ${RELATIONSHIP} }`,
    prepare: async (w) => vars({ id: (await w.once('attested', () => w.attestedBy(w.own))).id }),
  },
  'Mutation.grantAdmin': {
    document: `mutation($id: ID!) { grantAdmin(memberId: $id) { roles ${M.slice(1)} }`,
    prepare: async (w, who) => vars({ id: (await memberFor(w, who)).id }),
  },
  'Mutation.suspendMember': {
    document: `mutation($id: ID!) { suspendMember(memberId: $id, reason: "Matrix check.") { suspended ${M.slice(1)} }`,
    prepare: async (w, who) => vars({ id: (await memberFor(w, who)).id }),
  },
  'Mutation.reinstateMember': {
    document: `mutation($id: ID!) { reinstateMember(memberId: $id) { suspended ${M.slice(1)} }`,
    prepare: async (w, who) => {
      const member = await memberFor(w, who);
      if (who === 'admin') await act(w.stack, 'mutation($id: ID!) { suspendMember(memberId: $id, reason: "Matrix check.") { id } }', { id: member.id }, w.admin);
      return vars({ id: member.id });
    },
  },
  'Mutation.eraseMember': {
    document: 'mutation($id: ID!) { eraseMember(memberId: $id, reason: "Matrix check.") }',
    prepare: async (w, who) => vars({ id: (await memberFor(w, who)).id }),
  },
  'Mutation.dismissFlag': {
    document: `mutation($id: ID!) { dismissFlag(flagId: $id, note: "A real mentoring pair.") { id status member ${M} resolvedBy ${M} } }`,
    prepare: async (w) => vars({ id: await w.once('flag to dismiss', () => w.flagOn(w.own)) }),
  },
  'Mutation.reverseFlag': {
    document: `mutation($id: ID!) { reverseFlag(flagId: $id, note: "Points traded back and forth.") { id status member ${M} } }`,
    prepare: async (w) => vars({ id: await w.once('flag to reverse', async () => (await w.once('flag to dismiss', () => w.flagOn(w.own)), w.flagOn(w.own))) }),
  },
  'Mutation.adjustReputation': {
    document: `mutation($id: ID!) { adjustReputation(memberId: $id, points: 1, reason: "Matrix check.") { score member ${M} } }`,
    prepare: async (w) => (await w.once('own known', () => w.known(w.own)), vars({ id: w.own.id })),
  },
  'Mutation.rebuildProjection': { document: 'mutation { rebuildProjection(name: "reputation") { name rebuilding } }', prepare: () => vars() },
  // The caller's own inbox (nothing names anyone else's): each signed-in caller is first asked for help once.
  'Query.notifications': { document: '{ notifications(first: 5) { totalCount nodes { id category text link read } } }', prepare: inboxOf },
  'Query.unreadNotificationCount': { document: '{ unreadNotificationCount }', prepare: inboxOf },
  'Mutation.markNotificationsRead': { document: 'mutation { markNotificationsRead(all: true) }', prepare: inboxOf },
  // Each allowed cell verifies a fresh member's address with the token of their mail (single use).
  'Mutation.verifyEmail': {
    document: 'mutation($token: String!) { verifyEmail(token: $token) }',
    prepare: async (w) => {
      const member = await w.member('Verifier');
      return vars({ token: (await awaitAccountMail(w.stack, member.email, 'verify-email')).token });
    },
  },
  'Mutation.resendVerificationEmail': { document: 'mutation { resendVerificationEmail }', prepare: () => vars() },
  // other: a member asking for own's address; anon: an address nobody has. All answer true.
  'Mutation.requestPasswordReset': {
    document: 'mutation($email: String!) { requestPasswordReset(email: $email) }',
    prepare: async (w, who) => vars({ email: who === 'anon' ? `nobody-${w.stack.suffix}@example.com` : who === 'admin' ? w.admin.email : w.own.email }),
  },
  'Mutation.resetPassword': {
    document: 'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }',
    prepare: async (w) => {
      const member = await w.member('Resetter');
      ok(await w.stack.gql('mutation($email: String!) { requestPasswordReset(email: $email) }', { email: member.email }));
      return vars({ token: (await awaitAccountMail(w.stack, member.email, 'reset-password')).token, password: 'a brand new password' });
    },
  },
  'Mutation.rotateCalendarFeedToken': { document: 'mutation { rotateCalendarFeedToken { calendarFeedUrl preferences { category email } } }', prepare: () => vars() },
  // The caller's own e-mail settings (nothing names anyone else's).
  'Query.notificationPreferences': { document: '{ notificationPreferences { preferences { category email } quietHoursStart quietHoursEnd } }', prepare: () => vars() },
  'Mutation.updateNotificationPreferences': {
    document: 'mutation { updateNotificationPreferences(input: { preferences: [{ category: REPUTATION, email: OFF }] }) { preferences { category email } } }',
    prepare: () => vars(),
  },

  // Run by authz.subscriptions.ts: subscribe, then a fresh seeker asks the caller for help.
  'Subscription.mentorDashboardChanged': { document: `subscription { mentorDashboardChanged { pending ${REQUEST} offers { offer { id } remaining } } }`, prepare: () => vars() },
  'Subscription.notificationReceived': { document: 'subscription { notificationReceived { id category text link read } }', prepare: () => vars() },
};

function offerChange(op: string, make: (w: AuthzWorld) => Promise<string>): RowSpec {
  return {
    document: `mutation($id: ID!) { ${op}(id: $id) { id status mentor ${M} } }`,
    prepare: async (w) => vars({ id: await w.once(op, () => make(w)) }),
  };
}

function requestChange(document: string, fixture: (w: AuthzWorld) => Promise<string>): RowSpec {
  return { document: document.replace('%R', REQUEST), prepare: async (w) => vars({ id: await fixture(w) }) };
}
