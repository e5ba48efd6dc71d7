import { notificationsFor, renderText, type RuleEvent } from './notification.rules.js';

const ids = {
  requestId: '0193a0b4-6f1e-7c3a-9d2e-000000000001',
  offerId: '0193a0b4-6f1e-7c3a-9d2e-000000000002',
  mentorId: '0193a0b4-6f1e-7c3a-9d2e-000000000003',
  seekerId: '0193a0b4-6f1e-7c3a-9d2e-000000000004',
};
const targetId = '0193a0b4-6f1e-7c3a-9d2e-000000000005';
const at = '2026-11-25T10:00:00.000Z';
const event = (type: string, data: Record<string, unknown>): RuleEvent => ({ type, data: { ...ids, kind: 'ADVICE_CALL', ...data } });
const rendered = (e: RuleEvent, name = 'Sam', introTargetId: string | null = null) =>
  notificationsFor(e, { introTargetId }).map((d) => ({ ...d, text: renderText(d.template, d.subjectId ? name : null) }));

describe('notification rules', () => {
  it('given a submitted request, when ruled, then only the mentor is told who asked and for what, linking to the dashboard', () => {
    const [draft, ...rest] = rendered(event('HelpRequestSubmitted', { message: 'x'.repeat(60), goal: 'a secret goal', introTargetId: null, submittedAt: at }));
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({ recipientId: ids.mentorId, category: 'REQUESTS', subjectId: ids.seekerId, link: '/dashboard', text: 'Sam asked you for an advice call.' });
  });

  it('given a submitted request, when ruled, then its message and goal (sealed personal data) are never quoted', () => {
    const [draft] = notificationsFor(event('HelpRequestSubmitted', { message: 'call me at +44 7700 900123 please', goal: 'sam@example.com', introTargetId: null }));
    expect(draft!.template).not.toMatch(/7700|example\.com/);
  });

  it('given an accepted request, when ruled, then the seeker hears the mentor accepted', () => {
    expect(rendered(event('HelpRequestAccepted', { scheduledAt: at, acceptedAt: at }), 'Dana')).toEqual([
      expect.objectContaining({ recipientId: ids.seekerId, category: 'REQUESTS', subjectId: ids.mentorId, link: '/requests', text: 'Dana accepted your request for an advice call.' }),
    ]);
  });

  it('given an accepted INTRO whose target is known, when ruled, then the target is asked to consent as well', () => {
    const drafts = rendered(event('HelpRequestAccepted', { kind: 'INTRO', acceptedAt: at }), 'Dana', targetId);
    expect(drafts.map((d) => [d.recipientId, d.category])).toEqual([
      [ids.seekerId, 'REQUESTS'],
      [targetId, 'INTROS'],
    ]);
    expect(drafts[1]!.text).toBe('Dana would like to introduce someone to you. Will you agree to the introduction?');
  });

  it('given an accepted INTRO whose target is unknown, when ruled, then nobody else is told', () => {
    expect(notificationsFor(event('HelpRequestAccepted', { kind: 'INTRO' }), { introTargetId: null })).toHaveLength(1);
  });

  it('given a declined request, when ruled, then the seeker gets the guidance but never the mentor’s note', () => {
    const [draft] = rendered(event('HelpRequestDeclined', { reason: 'NOT_A_FIT', note: 'private note', guidance: 'Try an offer closer to your goal.' }), 'Dana');
    expect(draft).toMatchObject({ recipientId: ids.seekerId, category: 'REQUESTS', text: 'Dana declined your request. Try an offer closer to your goal.' });
    expect(draft!.text).not.toContain('private note');
  });

  it('given an expired request, when ruled, then the seeker hears it expired, with the guidance', () => {
    const [draft] = rendered(event('HelpRequestExpired', { guidance: 'Other mentors are free this week.' }), 'Dana');
    expect(draft).toMatchObject({ recipientId: ids.seekerId, text: 'Your request to Dana expired without an answer. Other mentors are free this week.' });
  });

  it('given a vouched referral, when ruled, then the seeker hears who vouched (category REQUESTS), never the statement', () => {
    const [draft] = rendered(event('ReferralVouched', { kind: 'REFERRAL', statement: 'Worked with them at Acme, call 555-0100' }), 'Dana');
    expect(draft).toMatchObject({ recipientId: ids.seekerId, category: 'REQUESTS', text: 'Dana vouched for you.' });
  });

  it.each([
    ['ADVICE_CALL', 'an advice call', '+10'],
    ['INTRO', 'an introduction', '+15'],
  ])('given a completed %s, when ruled, then the mentor hears they paid it forward with the rulebook’s points', (kind, phrase, points) => {
    const [draft] = rendered(event('HelpRequestCompleted', { kind, completedAt: at }), 'Sam');
    expect(draft).toMatchObject({ recipientId: ids.mentorId, category: 'REPUTATION', link: '/reputation' });
    expect(draft!.text).toBe(`You paid it forward: ${phrase} with Sam is complete (up to ${points} points).`);
  });

  it('given a completed referral (the vouch carried its points), when ruled, then nobody is told', () => {
    expect(notificationsFor(event('HelpRequestCompleted', { kind: 'REFERRAL' }))).toEqual([]);
  });

  it('given an admin adjustment, when ruled, then the member hears the signed points and not the admin', () => {
    const [draft] = rendered({ type: 'ReputationAdjusted', data: { memberId: ids.seekerId, points: -5, reason: 'duplicate', adminId: ids.mentorId, at } });
    expect(draft).toMatchObject({ recipientId: ids.seekerId, category: 'REPUTATION', subjectId: null, text: 'An admin adjusted your reputation by -5 points.' });
  });

  it.each([
    ['FlagDismissed', 'left your points as they were'],
    ['FlagReversed', 'reversed the points it named'],
  ])('given %s naming two members, when ruled, then each of them hears the outcome, never the admin or the note', (type, outcome) => {
    const drafts = rendered({ type, data: { flagId: ids.requestId, memberIds: [ids.mentorId, ids.seekerId], adminId: targetId, note: 'Staged sessions', at } });
    expect(drafts.map((d) => d.recipientId)).toEqual([ids.mentorId, ids.seekerId]);
    for (const draft of drafts) {
      expect(draft).toMatchObject({ category: 'REPUTATION', subjectId: null, link: '/reputation' });
      expect(draft.text).toBe(`An admin reviewed activity flagged for review on your account and ${outcome}.`);
      expect(draft.text).not.toContain('Staged');
    }
  });

  it('given a raised flag and two admins, when ruled, then each admin is told a flag waits in the queue, naming nobody', () => {
    const [admin1, admin2] = [targetId, ids.offerId];
    const raised = { type: 'FlagRaised', data: { flagId: ids.requestId, kind: 'RECIPROCAL_PAIR', memberIds: [ids.mentorId, ids.seekerId], raisedAt: at } };
    const drafts = notificationsFor(raised, { introTargetId: null, adminIds: [admin1, admin2] });
    expect(drafts).toEqual(
      [admin1, admin2].map((recipientId) => ({
        recipientId,
        category: 'ADMIN',
        template: 'A new flag is waiting in the review queue: two members who helped each other within a week.',
        subjectId: null,
        link: '/admin',
      })),
    );
    expect(notificationsFor(raised, { introTargetId: null })).toEqual([]);
  });

  it('given a flag decision recorded before it named its members, when ruled, then nobody is told', () => {
    expect(notificationsFor({ type: 'FlagDismissed', data: { flagId: ids.requestId, adminId: targetId, note: 'ok', at } })).toEqual([]);
  });

  it.each(['HelpRequestWithdrawn', 'FeedbackLeft', 'MemberRegistered', 'OfferPublished'])('given %s, when ruled, then nobody is told', (type) => {
    expect(notificationsFor(event(type, {}))).toEqual([]);
  });

  it('given a subject whose name is unknown (or erased), when rendered, then a neutral placeholder stands in', () => {
    expect(renderText('{name} vouched for you.', null)).toBe('A member vouched for you.');
    expect(renderText('{name} vouched for you.', 'Erased member')).toBe('Erased member vouched for you.');
  });
});
