import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { collectErrors, launchChromium, screenshot } from './browser.js';
import { expectAccessible, person, retryClick, signInInBrowser } from './journey.fixtures.js';
import { publishAdviceCall, registerByApi, type Registered } from './notifications.fixtures.js';
import { startWebServer, type WebServer } from './web-server.js';

/**
 * The bell, in Debian's Chromium against the whole stack: a mentor and a seeker are signed in
 * side by side; the seeker sends a request from the offer page and the mentor's bell count rises
 * live (no reload), the seeker's stays at zero (each member gets only their own); the list shows
 * the notification unread, and opening it lands on its link (the dashboard) and clears the count.
 */
jest.setTimeout(240_000);

let stack: Stack;
let web: WebServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let mentor: Registered;
let seeker: Registered;
let offerId: string;
const TITLE = 'Backend growth: a thirty-minute advice call';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  page.on('pageerror', () => pageErrors.push(...errors.filter((e) => e.startsWith('pageerror'))));
  return page;
}

/** The bell's accessible name carries the count ("Notifications, 1 unread"). */
const bellName = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications/ }).getAttribute('aria-label');

beforeAll(async () => {
  stack = await startStack();
  [web, browser] = await Promise.all([startWebServer(stack.graphqlUrl), launchChromium()]);
  [mentor, seeker] = await Promise.all([registerByApi(stack, person('Nora Mentor', stack.suffix)), registerByApi(stack, person('Theo Seeker', stack.suffix))]);
  offerId = await publishAdviceCall(stack, mentor, TITLE);
}, 300_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await web?.stop();
  await stack?.stop();
}, 60_000);

describe('the notification bell, in a real browser', () => {
  it("rises live on the mentor's page when the seeker sends a request, and only there; the list deep-links and clears it", async () => {
    const [mentorPage, seekerPage] = await Promise.all([newPage(), newPage()]);
    await signInInBrowser(mentorPage, web.url, mentor.email, mentor.password);
    await signInInBrowser(seekerPage, web.url, seeker.email, seeker.password);
    expect(await bellName(mentorPage)).toBe('Notifications');
    expect(await bellName(seekerPage)).toBe('Notifications');
    await mentorPage.evaluate(() => ((globalThis as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

    await seekerPage.goto(`${web.url}/offers/${offerId}`);
    await seekerPage.getByRole('heading', { name: TITLE }).waitFor();
    await seekerPage.getByLabel('Your goal').fill('A plan to grow from junior to mid-level backend engineer this year');
    await seekerPage.getByLabel('Context').fill('I have been a junior backend developer for 18 months at a logistics company, mostly Go and PostgreSQL.');
    await seekerPage.getByLabel('What you already tried').fill('I asked my lead for feedback and read two books on system design.');
    const sentHeading = seekerPage.getByRole('heading', { name: 'Request sent' });
    await retryClick(seekerPage, () => seekerPage.getByRole('button', { name: 'Send request' }).click(), () => sentHeading.isVisible(), 'the request to be sent');

    // Live: the count rises on the page the mentor already had open.
    await mentorPage.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 60_000 });
    expect(await mentorPage.evaluate(() => (globalThis as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    expect(await mentorPage.locator('.bell__count').textContent()).toBe('1');
    await screenshot(mentorPage, 'notifications-bell');
    // The seeker's own bell never heard of it (their inbox is theirs alone).
    expect(await bellName(seekerPage)).toBe('Notifications');

    await mentorPage.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await mentorPage.getByRole('heading', { name: 'Notifications' }).waitFor();
    const item = mentorPage.getByRole('listitem').filter({ hasText: 'Theo Seeker asked you for an advice call.' });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('notification--unread');
    await expectAccessible(mentorPage, 'notifications');
    await screenshot(mentorPage, 'notifications-list');

    await item.getByRole('link', { name: 'Theo Seeker asked you for an advice call.' }).click();
    await mentorPage.getByRole('heading', { name: 'Mentor dashboard' }).waitFor();
    expect(new URL(mentorPage.url()).pathname).toBe('/dashboard');
    await mentorPage.getByRole('listitem').filter({ hasText: 'Theo Seeker' }).first().waitFor();
    // Opening it marked it read: the bell is back to zero, and so is the server's count after a reload.
    await mentorPage.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await mentorPage.reload();
    await waitFor(async () => ((await bellName(mentorPage)) === 'Notifications' ? true : undefined), { timeoutMs: 15_000, what: 'the bell after a reload' });
    await mentorPage.goto(`${web.url}/notifications`);
    await mentorPage.getByRole('status').filter({ hasText: 'All read.' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
