import { jest } from '@jest/globals';
import { MaildevInbox } from '@payforward/mail';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { act, ALWAYS_AVAILABLE, expectRefused, ok, publish, register, requestHelp } from './e2e/marketplace.fixtures.js';

/**
 * E-mail preferences and the mail itself through the gateway on the whole stack (mail goes to the
 * local inbox the stack's notifications service sends to, SMTP_URL's default; counted by this
 * spec's own addresses): preferences read, changed and refused with the field named; a request
 * sends the mentor one mail whose one-click unsubscribe link works through the gateway, signed out.
 */
jest.setTimeout(120_000);

const PREFS = '{ notificationPreferences { preferences { category email } quietHoursStart quietHoursEnd } }';
const UPDATE = 'mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { preferences { category email } quietHoursStart quietHoursEnd } }';

let stack: Stack;
const inbox = new MaildevInbox();

beforeAll(async () => {
  stack = await startStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

const settingOf = (prefs: { preferences: { category: string; email: string }[] }, category: string) => prefs.preferences.find((p) => p.category === category)?.email;

describe('e-mail notifications through the gateway', () => {
  it('given a member, when they read and change their preferences, then defaults show, changes stick, and bad input is refused naming the field with nothing changed', async () => {
    const member = await register(stack, 'Prefs');
    const before = ok(await stack.gql(PREFS, {}, member.token)).notificationPreferences;
    expect(before).toEqual({
      preferences: [
        { category: 'REQUESTS', email: 'INSTANT' },
        { category: 'REMINDERS', email: 'INSTANT' },
        { category: 'SESSIONS', email: 'INSTANT' },
        { category: 'INTROS', email: 'INSTANT' },
        { category: 'REPUTATION', email: 'DIGEST' },
        { category: 'ADMIN', email: 'DIGEST' },
      ],
      quietHoursStart: null,
      quietHoursEnd: null,
    });

    const changed = ok(await stack.gql(UPDATE, { input: { preferences: [{ category: 'REPUTATION', email: 'OFF' }], quietHoursStart: '22:30', quietHoursEnd: '07:00' } }, member.token));
    expect(settingOf(changed.updateNotificationPreferences, 'REPUTATION')).toBe('OFF');
    expect(ok(await stack.gql(PREFS, {}, member.token)).notificationPreferences).toMatchObject({ quietHoursStart: '22:30', quietHoursEnd: '07:00' });

    for (const [input, field] of [
      [{ quietHoursStart: '25:00', quietHoursEnd: '07:00' }, 'input.quietHoursStart'],
      [{ quietHoursStart: '22:00' }, 'input.quietHoursEnd'],
      [{ preferences: [{ category: 'REQUESTS', email: 'OFF' }, { category: 'REQUESTS', email: 'DIGEST' }] }, 'input.preferences.1.category'],
    ] as const) {
      const error = expectRefused(await stack.gql(UPDATE, { input }, member.token), 'BAD_USER_INPUT');
      expect(error.extensions?.field).toBe(field);
    }
    const after = ok(await stack.gql(PREFS, {}, member.token)).notificationPreferences;
    expect(settingOf(after, 'REQUESTS')).toBe('INSTANT');
    expect(after).toMatchObject({ quietHoursStart: '22:30', quietHoursEnd: '07:00' });

    expect((await stack.gql(PREFS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('given a seeker asks, when the mentor reads the mail, then it names the seeker only, and its unsubscribe link turns REQUESTS e-mail off through the gateway, signed out', async () => {
    const mentor = await register(stack, 'Mailmentor');
    const offerId = (await publish(stack, mentor, 'ADVICE_CALL', { capacity: 20 })).id as string;
    await act(stack, 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone } }', { input: ALWAYS_AVAILABLE }, mentor);
    const seeker = await register(stack, 'Mailseeker');
    await requestHelp(stack, seeker, offerId);

    // Registration also mailed the mentor a verification link (ADR 019): the request's mail is the other one.
    const toMentor = async () => (await inbox.list()).filter((m) => m.recipients.includes(mentor.email) && !m.subject.startsWith('Confirm your e-mail'));
    const mail = await waitFor(async () => (await toMentor())[0], { timeoutMs: 60_000, intervalMs: 250, what: "the mentor's mail" });
    expect(mail.subject).toBe('Mailseeker asked you for an advice call');
    expect(await toMentor()).toHaveLength(1);
    const source = (await inbox.source(mail.id)).replace(/\r?\n[ \t]+/g, ' ');
    expect(source).not.toContain(seeker.email);
    const link = /^List-Unsubscribe: <https?:\/\/[^/]+(\/unsubscribe\?token=[\w.-]+)>\r?$/m.exec(source)?.[1];
    expect(link).toBeDefined();
    const gateway = new URL(stack.graphqlUrl).origin;

    const page = await fetch(`${gateway}${link}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Unsubscribe from requests</button>');
    expect(settingOf(ok(await stack.gql(PREFS, {}, mentor.token)).notificationPreferences, 'REQUESTS')).toBe('INSTANT');

    const oneClick = await fetch(`${gateway}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(settingOf(ok(await stack.gql(PREFS, {}, mentor.token)).notificationPreferences, 'REQUESTS')).toBe('OFF');
    const forged = await fetch(`${gateway}/unsubscribe?token=not-a-token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(forged.status).toBe(400);
  });
});
