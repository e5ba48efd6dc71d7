import { notificationsFor } from '../rules/notification.rules.js';
import { verifyUnsubscribeToken, signUnsubscribeToken } from '../unsubscribe/unsubscribe.token.js';
import { emailFor } from './email.rules.js';
import { unsubscribeKeyFrom } from './email.settings.js';

const ids = {
  requestId: '0193a0b4-6f1e-7c3a-9d2e-000000000001',
  offerId: '0193a0b4-6f1e-7c3a-9d2e-000000000002',
  mentorId: '0193a0b4-6f1e-7c3a-9d2e-000000000003',
  seekerId: '0193a0b4-6f1e-7c3a-9d2e-000000000004',
};
const targetId = '0193a0b4-6f1e-7c3a-9d2e-000000000005';
const at = '2026-11-25T10:00:00.000Z';
const event = (type: string, data: Record<string, unknown> = {}) => ({ id: '0193a0b4-6f1e-7c3a-9d2e-0000000000ee', occurredAt: at, type, data: { ...ids, kind: 'ADVICE_CALL', ...data } });
const emails = (e: ReturnType<typeof event>, introTargetId: string | null = null) => notificationsFor(e, { introTargetId }).map((d) => emailFor(e, d));

describe('e-mail rules', () => {
  it('given each in-app trigger, when ruled, then it has an e-mail twin with its template, same recipient, category and link', () => {
    const cases: [ReturnType<typeof event>, string][] = [
      [event('HelpRequestSubmitted', { submittedAt: at, expiresAt: at, introTargetId: null }), 'request-submitted'],
      [event('HelpRequestAccepted', { scheduledAt: at, durationMinutes: 30, acceptedAt: at }), 'request-accepted'],
      [event('HelpRequestDeclined', { guidance: 'Try another mentor.', declinedAt: at }), 'request-declined'],
      [event('HelpRequestExpired', { guidance: 'Try another mentor.', expiredAt: at }), 'request-expired'],
      [event('ReferralVouched', { vouchedAt: at }), 'referral-vouched'],
      [event('HelpRequestCompleted', { completedAt: at }), 'paid-forward'],
      [event('ReputationAdjusted', { memberId: ids.seekerId, points: -5 }), 'reputation-adjusted'],
    ];
    for (const [e, kind] of cases) {
      const drafts = notificationsFor(e, { introTargetId: null });
      const [mail] = emails(e);
      expect(mail).toMatchObject({ kind, recipientId: drafts[0]!.recipientId, category: drafts[0]!.category, link: drafts[0]!.link, sourceEventId: e.id });
    }
  });

  it('given an accepted INTRO, when ruled, then the target gets the consent mail and the seeker the acceptance', () => {
    expect(emails(event('HelpRequestAccepted', { kind: 'INTRO', acceptedAt: at }), targetId).map((m) => [m!.recipientId, m!.kind])).toEqual([
      [ids.seekerId, 'request-accepted'],
      [targetId, 'intro-consent'],
    ]);
  });

  it('given a flag raised and a flag resolved, when ruled, then admins get the review-queue mail and the members the outcome, naming nobody', () => {
    const admin = '0193a0b4-6f1e-7c3a-9d2e-00000000000a';
    const raised = { id: '0193a0b4-6f1e-7c3a-9d2e-0000000000ef', occurredAt: at, type: 'FlagRaised', data: { flagId: 'f1', kind: 'RECIPROCAL_PAIR', raisedAt: at } };
    const [toAdmin] = notificationsFor(raised, { introTargetId: null, adminIds: [admin] }).map((d) => emailFor(raised, d));
    expect(toAdmin).toMatchObject({ recipientId: admin, category: 'ADMIN', kind: 'flag-raised' });
    expect(toAdmin!.vars.text).toMatch(/^A new flag is waiting in the review queue/);
    const reversed = { id: '0193a0b4-6f1e-7c3a-9d2e-0000000000f0', occurredAt: at, type: 'FlagReversed', data: { flagId: 'f1', memberIds: [ids.mentorId], note: 'x', at } };
    const [toMember] = notificationsFor(reversed, { introTargetId: null }).map((d) => emailFor(reversed, d));
    expect(toMember).toMatchObject({ recipientId: ids.mentorId, category: 'REPUTATION', kind: 'flag-resolved', vars: { text: expect.stringContaining('reversed the points') } });
  });

  it('given a decline with a sealed note, when ruled, then only the guidance is a var, never the note', () => {
    const [mail] = emails(event('HelpRequestDeclined', { guidance: 'Try another mentor.', note: 'pf:enc:v1:secret', declinedAt: at }));
    expect(mail!.vars).toEqual({ guidance: 'Try another mentor.' });
  });
});

describe('unsubscribe tokens', () => {
  const key = unsubscribeKeyFrom('a-secret-of-at-least-thirty-two-characters');
  it('given a signed token, when verified, then it names the member and category; a token under another key does not pass', async () => {
    const token = await signUnsubscribeToken(key, ids.mentorId, 'REQUESTS');
    expect(await verifyUnsubscribeToken(key, token)).toEqual({ memberId: ids.mentorId, category: 'REQUESTS' });
    expect(await verifyUnsubscribeToken(unsubscribeKeyFrom('another-secret-of-at-least-thirty-two-chars'), token)).toBeNull();
    expect(await verifyUnsubscribeToken(key, `${token}x`)).toBeNull();
  });

  it('given a short secret, when the key is derived, then it is refused', () => {
    expect(() => unsubscribeKeyFrom('short')).toThrow(/32 characters/);
  });
});
