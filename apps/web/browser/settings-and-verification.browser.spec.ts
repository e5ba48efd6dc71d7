import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { collectErrors, launchChromium, screenshot } from './browser.js';
import { expectAccessible, person, registerInBrowser, signInInBrowser } from './journey.fixtures.js';
import { linkTo, mailsTo, mentions, waitForMail } from './mail.fixtures.js';
import { publishAdviceCall, registerByApi, requestHelpByApi, type Registered } from './notifications.fixtures.js';
import { startWebServer, type WebServer } from './web-server.js';

/**
 * Needs the mail and account slices (e-mail per preference, verification mails). In Debian's
 * Chromium against the whole stack and the local SMTP server (maildev, MAIL_API_URL):
 * - the settings page changes what is sent: with request e-mails "Right away" a new request mails
 *   the mentor; set to "Off" in the page, the next request still arrives in-app but sends no mail;
 *   back to "Right away", a third request mails again — that mail is the barrier proving the
 *   second one's mail (had there been one) would have arrived by then;
 * - the verification link from the inbox works: a member registers in the browser, opens the link
 *   of the mail they received, and the page (then the profile) says the address is verified.
 */
jest.setTimeout(300_000);

let stack: Stack;
let web: WebServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  page.on('pageerror', () => pageErrors.push(...errors.filter((e) => e.startsWith('pageerror'))));
  return page;
}

beforeAll(async () => {
  stack = await startStack();
  [web, browser] = await Promise.all([startWebServer(stack.graphqlUrl), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await web?.stop();
  await stack?.stop();
}, 60_000);

/** Picks the e-mail setting of one category on the settings page and saves it. */
async function setRequestEmails(page: Page, choice: 'Right away' | 'Daily digest' | 'Off'): Promise<void> {
  await page.goto(`${web.url}/settings/notifications`);
  await page.getByRole('heading', { name: 'Notification settings' }).waitFor();
  await page.getByRole('group', { name: 'Requests' }).getByLabel(choice).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Saved. We follow these settings from now on.').waitFor();
}

/** A request mail names the seeker; the verification mail (account slice) names nobody. */
const requestMailsNaming = async (to: string, firstName: string) => (await mailsTo(to)).filter((m) => mentions(m, firstName));

describe('[needs mail+account] notification settings and e-mail verification, in a real browser', () => {
  it('the settings page changes what is sent: request e-mails off → no mail for a new request, in-app still arrives', async () => {
    const mentor = await registerByApi(stack, person('Mira Mentor', stack.suffix));
    const seekers: Registered[] = await Promise.all(
      ['Olivetta First', 'Pietro Second', 'Quintessa Third'].map((name) => registerByApi(stack, person(name, stack.suffix))),
    );
    const [first, second, third] = seekers as [Registered, Registered, Registered];
    const offerId = await publishAdviceCall(stack, mentor, 'Advice call: settings and what is sent');
    const page = await newPage();
    await signInInBrowser(page, web.url, mentor.email, mentor.password);

    await setRequestEmails(page, 'Right away');
    await expectAccessible(page, 'notification settings');
    await screenshot(page, 'notification-settings');
    await requestHelpByApi(stack, first, offerId);
    await waitForMail(mentor.email, (m) => mentions(m, 'Olivetta'), 'the request mail while request e-mails are on');

    await setRequestEmails(page, 'Off');
    await requestHelpByApi(stack, second, offerId);
    // In-app still arrives.
    await page.goto(`${web.url}/notifications`);
    await waitFor(
      async () => {
        if (await page.getByText('Pietro Second asked you for an advice call.').isVisible()) return true;
        await page.reload();
        await page.getByRole('heading', { name: 'Notifications' }).waitFor();
        return undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'the in-app notification of the second request' },
    );

    await setRequestEmails(page, 'Right away');
    await requestHelpByApi(stack, third, offerId);
    await waitForMail(mentor.email, (m) => mentions(m, 'Quintessa'), 'the request mail after turning request e-mails back on');

    expect(await requestMailsNaming(mentor.email, 'Pietro')).toEqual([]);
    // However the mails name people: exactly two request mails, the first and the third.
    expect((await mailsTo(mentor.email)).filter((m) => mentions(m, 'asked you for'))).toHaveLength(2);
    expect(await requestMailsNaming(mentor.email, 'Olivetta')).toHaveLength(1);
    expect(await requestMailsNaming(mentor.email, 'Quintessa')).toHaveLength(1);
  });

  it('the verification link from the inbox works: registered in the browser, the link opens a page that says verified', async () => {
    const member = person('Vera Verifies', stack.suffix);
    const page = await newPage();
    await registerInBrowser(page, web.url, member);

    await page.goto(`${web.url}/profile`);
    await page.getByText('E-mail not verified yet').waitFor();
    const mail = await waitForMail(member.email, (m) => linkTo(m, '/verify-email') !== null, 'the verification mail');
    const link = linkTo(mail, '/verify-email')!;
    expect(link).toMatch(/^\/verify-email\?token=.+/);

    await page.goto(`${web.url}${link}`);
    await page.getByText('Your e-mail address is verified. Thank you!').waitFor();
    await expectAccessible(page, 'e-mail verified');
    await screenshot(page, 'verify-email');
    await page.getByRole('link', { name: 'See your profile' }).click();
    await page.getByText('E-mail verified', { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
