import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { collectErrors, launchChromium, screenshot, screenshotOf } from './browser.js';
import { daytimeZone, expectAccessible, person, raiseReciprocalFlag, registerInBrowser, retryClick, seed, signInInBrowser, wallTime, type Person } from './journey.fixtures.js';
import { startWebServer, type WebServer } from './web-server.js';

/**
 * The web client end to end, in Debian's Chromium, against the real system (every service
 * built and running as a child process, real PostgreSQL and Kafka), with the demo data of
 * `npm start`: a seeker registers, finds an offer and asks; the mentor sees it appear live on
 * the dashboard and accepts it into a slot; the seeker sees the mentor's contact only then;
 * both complete and leave feedback; the mentor's ledger shows the points with reasons; an
 * admin reviews a reciprocal-help flag and reverses it; the seeker's profile page refuses an
 * erasure with a wrong password. Each main page passes an axe-core
 * smoke check (no critical violation) and is saved under .cache/screenshots/.
 */
jest.setTimeout(240_000);

let stack: Stack;
let web: WebServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let mentorPage: Page;
let seekerPage: Page;
let adminPage: Page;
let mentor: Person;
let seeker: Person;
let slotIso: string;
// Unique within the stack (the demo data has no growth plan), so a search finds exactly this offer.
const TITLE = 'Junior to mid-level backend: a growth plan';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  page.on('pageerror', () => pageErrors.push(...errors.filter((e) => e.startsWith('pageerror'))));
  return page;
}

const base = () => web.url;

beforeAll(async () => {
  stack = await startStack();
  [web, browser] = await Promise.all([startWebServer(stack.graphqlUrl), launchChromium(), seed(stack)]).then(([w, b]) => [w, b] as const);
  const zone = daytimeZone();
  mentor = person('Ada Mentor', stack.suffix, zone);
  seeker = person('Sam Seeker', stack.suffix, 'Europe/Lisbon');
  [mentorPage, seekerPage, adminPage] = await Promise.all([newPage(), newPage(), newPage()]);
}, 300_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await web?.stop();
  await stack?.stop();
}, 60_000);

describe('the web client, end to end in a real browser', () => {
  it('a mentor registers, publishes an advice call and sets weekly availability starting a few minutes from now', async () => {
    await registerInBrowser(mentorPage, base(), mentor);
    await mentorPage.reload();
    await mentorPage.getByRole('button', { name: 'Sign out' }).waitFor(); // the session survives a reload

    await mentorPage.getByRole('link', { name: 'Mentor dashboard' }).click();
    await mentorPage.getByRole('heading', { name: 'Mentor dashboard' }).waitFor();
    await mentorPage.getByRole('button', { name: 'Publish a new offer' }).click();
    await mentorPage.getByLabel('Title').fill(TITLE);
    await mentorPage.getByLabel('What you can and cannot help with').fill('Career growth from junior to mid-level backend roles; not salary negotiation.');
    await mentorPage.getByLabel('Topics').fill('backend, career growth');
    await mentorPage.getByLabel('Capacity').fill('3');
    await mentorPage.getByLabel('Minutes per session').fill('30');
    const offerCard = mentorPage.getByRole('article', { name: TITLE });
    await retryClick(mentorPage, () => mentorPage.getByRole('button', { name: 'Publish offer' }).click(), () => offerCard.isVisible(), 'the offer on the dashboard');
    await waitFor(async () => ((await offerCard.textContent())?.includes('0 of 3 used · 3 left this week') ? true : undefined), { what: 'the new capacity bar' });

    // A window today (on the mentor's clock) from about 2 minutes from now to midnight: the first free slot is its
    // start, far enough ahead to accept it, and soon enough to complete it after it started.
    const start = wallTime(new Date(Math.ceil((Date.now() + 105_000) / 60_000) * 60_000), mentor.timezone);
    await mentorPage.getByLabel('Time zone').fill(mentor.timezone);
    await mentorPage.getByRole('button', { name: `Add window on ${start.weekday}` }).click();
    await mentorPage.getByLabel(`${start.weekday} window starts`).fill(start.hhmm);
    await mentorPage.getByLabel(`${start.weekday} window ends`).fill('24:00');
    await mentorPage.getByRole('button', { name: 'Save availability' }).click();
    await mentorPage.getByText('Saved. Slots now follow these windows.').waitFor();
    await expectAccessible(mentorPage, 'mentor dashboard (empty)');
  });

  it('a seeker registers, finds the offer by searching, and the request form teaches a good ask', async () => {
    await registerInBrowser(seekerPage, base(), seeker);
    await seekerPage.getByRole('heading', { name: 'Find bounded, kind help' }).waitFor();
    await seekerPage.locator('.offer-card').first().waitFor(); // the demo marketplace
    await expectAccessible(seekerPage, 'browse offers');
    await screenshot(seekerPage, 'seeker-browse');

    await seekerPage.getByLabel('Words').fill('growth plan');
    await seekerPage.getByRole('button', { name: 'Search' }).click();
    await seekerPage.getByText('1 offer found').waitFor();
    const card = seekerPage.getByRole('article', { name: TITLE });
    expect(await card.textContent()).toContain('3 of 3 places left this week');
    expect(await card.textContent()).toContain('Ada Mentor');
    await card.getByRole('link', { name: TITLE }).click();

    await seekerPage.getByRole('heading', { name: TITLE }).waitFor();
    await seekerPage.getByRole('button', { name: 'Send request' }).click();
    await seekerPage.getByText('Say in one sentence what you hope to walk away with.').waitFor();
    await seekerPage.getByText('Tell the mentor where you are now: your role, your situation, what is at stake.').waitFor();
    await expectAccessible(seekerPage, 'offer page with validation errors');
    await screenshot(seekerPage, 'seeker-offer-ask');

    await seekerPage.getByLabel('Your goal').fill('A plan to grow from junior to mid-level backend engineer this year');
    await seekerPage.getByLabel('Context').fill('I have been a junior backend developer for 18 months at a logistics company, mostly Go and PostgreSQL.');
    await seekerPage.getByLabel('What you already tried').fill('I asked my lead for feedback and read two books on system design.');
    await mentorPage.evaluate(() => ((globalThis as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));
    await seekerPage.getByRole('button', { name: 'Send request' }).click();
    await seekerPage.getByRole('heading', { name: 'Request sent' }).waitFor();

    await seekerPage.getByRole('button', { name: 'Go to My requests' }).click();
    const request = seekerPage.getByRole('listitem').filter({ hasText: TITLE });
    await request.getByText('Waiting for an answer').waitFor();
    expect(await request.textContent()).toContain('shared once the request is accepted');
    expect(await seekerPage.content()).not.toContain(mentor.email);
  });

  it('the mentor sees the request appear live on the dashboard and accepts it into a free slot', async () => {
    const pending = mentorPage.getByRole('listitem').filter({ hasText: 'Sam Seeker' });
    await pending.waitFor({ timeout: 30_000 });
    expect(await mentorPage.evaluate(() => (globalThis as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true); // no reload
    expect(await pending.textContent()).toMatch(/waiting (just now|\d+ minutes?)/);
    await expectAccessible(mentorPage, 'mentor dashboard with a pending request');

    await pending.getByRole('button', { name: 'Accept…' }).click();
    const picker = pending.getByLabel(`Time slot (${mentor.timezone})`);
    slotIso = (await picker.locator('option').nth(1).getAttribute('value'))!;
    expect(new Date(slotIso).getTime()).toBeGreaterThan(Date.now());
    await picker.selectOption(slotIso);
    await screenshot(mentorPage, 'mentor-dashboard-accept');
    await pending.getByRole('button', { name: 'Accept for this time' }).click();

    const upcoming = mentorPage.locator('.upcoming').filter({ hasText: 'Sam Seeker' });
    await upcoming.getByText(seeker.email).waitFor();
    await mentorPage.getByRole('article', { name: TITLE }).getByText('1 of 3 used · 2 left this week').waitFor();
    await mentorPage.getByText('No one is waiting for an answer.').waitFor();
    await screenshot(mentorPage, 'mentor-dashboard');
  });

  it("the seeker sees the mentor's contact only now that the request is accepted", async () => {
    await seekerPage.reload();
    const request = seekerPage.getByRole('listitem').filter({ hasText: TITLE });
    await request.getByText('Accepted', { exact: true }).waitFor();
    await request.getByRole('link', { name: mentor.email }).waitFor();
    await expectAccessible(seekerPage, 'my requests');
    await screenshot(seekerPage, 'seeker-my-requests');
  });

  it('once the session has started, the mentor completes it and both leave feedback', async () => {
    const wait = new Date(slotIso).getTime() - Date.now() + 1_000;
    expect(wait).toBeLessThan(6 * 60_000);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

    await mentorPage.getByRole('link', { name: 'My requests' }).click();
    await mentorPage.getByRole('button', { name: 'I was asked' }).click();
    const asked = mentorPage.getByRole('listitem').filter({ hasText: TITLE });
    await asked.getByRole('button', { name: 'Mark as completed' }).click();
    await asked.getByText('Completed', { exact: true }).waitFor();
    await asked.getByRole('button', { name: 'Leave feedback for Sam Seeker' }).click();
    await asked.getByLabel('5 · Excellent').check();
    await asked.getByRole('button', { name: 'Send feedback' }).click();
    await asked.getByText('Thank you: your feedback for Sam Seeker is saved.').waitFor();

    await seekerPage.reload();
    const mine = seekerPage.getByRole('listitem').filter({ hasText: TITLE });
    await mine.getByText('Completed', { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'Leave feedback for Ada Mentor' }).click();
    await mine.getByRole('button', { name: 'Send feedback' }).click();
    await mine.getByText('Pick a rating first.').waitFor();
    await mine.getByLabel('5 · Excellent').check();
    await mine.getByLabel('A thank-you note (optional)').fill('Thank you, the plan is already on my wall.');
    await mine.getByRole('button', { name: 'Send feedback' }).click();
    await mine.getByText('Thank you: your feedback for Ada Mentor is saved.').waitFor();
  });

  it("the mentor's ledger shows the points with their reasons", async () => {
    await mentorPage.getByRole('link', { name: 'Reputation' }).click();
    await waitFor(
      async () => {
        await mentorPage.getByRole('button', { name: 'Refresh' }).click();
        await mentorPage.waitForTimeout(500);
        const text = (await mentorPage.locator('table.ledger').textContent().catch(() => '')) ?? '';
        return /advice call completed for Sam/.test(text) && /rated your advice call 5\/5/.test(text) ? text : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the completion and rating lines in the ledger' },
    );
    const rows = await mentorPage.locator('table.ledger tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('+10') && r.includes('advice call completed for Sam'))).toBe(true);
    expect(rows.some((r) => r.includes('+5') && r.includes('rated your advice call 5/5'))).toBe(true);
    await mentorPage.locator('.stat__value').first().getByText('15').waitFor();
    await expectAccessible(mentorPage, 'reputation');
    await screenshot(mentorPage, 'mentor-reputation');
  });

  it('an admin reviews the reciprocal-help flag with its evidence and reverses it with a note', async () => {
    // Sam helps Ada back within 7 days (through the API: the browser part is the review).
    await raiseReciprocalFlag(stack, { helper: seeker, helped: mentor });

    expect(await seekerPage.getByRole('link', { name: 'Admin review' }).count()).toBe(0);
    await seekerPage.goto(`${base()}/admin`);
    await seekerPage.getByRole('heading', { name: 'Admins only' }).waitFor();

    await signInInBrowser(adminPage, base(), stack.admin.email, stack.admin.password);
    await adminPage.getByRole('link', { name: 'Admin review' }).click();
    const flag = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: /Reciprocal pair: Sam Seeker/ }) });
    await flag.waitFor();
    expect((await flag.locator('.evidence li').allTextContents()).length).toBeGreaterThan(0);
    await expectAccessible(adminPage, 'admin review');
    await screenshot(adminPage, 'admin-review');
    await screenshotOf(flag, 'admin-review-flag');

    await flag.getByRole('button', { name: /^Reverse \d+ points$/ }).click();
    await flag.getByText('Write a short note first: every decision needs one.').waitFor();
    await flag.getByLabel('Note for the audit trail (required)').fill('Help traded back and forth within a week; points reversed.');
    await flag.getByRole('button', { name: /^Reverse \d+ points$/ }).click();
    await flag.waitFor({ state: 'detached' });
    await adminPage.getByRole('button', { name: 'Reversed' }).click();
    const reversed = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: /Reciprocal pair: Sam Seeker/ }) });
    await reversed.getByText(/Reversed by .+: “Help traded back and forth within a week; points reversed\.”/).waitFor();

    await reversed.getByRole('heading').getByRole('link', { name: 'Sam Seeker' }).click();
    await adminPage.getByRole('heading', { name: 'Sam Seeker: ledger and history' }).waitFor();
    await waitFor(
      async () => {
        await adminPage.getByRole('button', { name: 'Refresh' }).click();
        await adminPage.waitForTimeout(500);
        const rows = await adminPage.locator('table.ledger tbody tr').allTextContents();
        return rows.some((r) => /-\d+/.test(r) && /revers/i.test(r)) ? rows : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the reversal line in the ledger' },
    );
    await adminPage.locator('.history li').first().waitFor();
    await expectAccessible(adminPage, 'admin member review');
    await screenshot(adminPage, 'admin-member-review');
  });

  it('the profile page explains erasure, shows a wrong password refused next to its field, and is accessible', async () => {
    await seekerPage.getByRole('link', { name: 'Profile & privacy' }).click();
    await seekerPage.getByRole('heading', { name: 'Profile & privacy' }).waitFor();
    expect(await seekerPage.getByLabel('Display name').inputValue()).toBe(seeker.name);
    await seekerPage.getByRole('button', { name: 'Erase my account…' }).click();
    await seekerPage.getByLabel('Your password').fill('not the password');
    await seekerPage.getByRole('button', { name: 'Erase my account for good' }).click();
    await seekerPage.locator('.field__error').getByText('That password is not right: nothing was erased.').waitFor();
    await expectAccessible(seekerPage, 'profile and privacy');
  });

  it('signing out ends the session, also after a reload, and the sign-in page is accessible', async () => {
    await seekerPage.goto(`${base()}/`);
    await seekerPage.getByRole('button', { name: 'Sign out' }).click();
    await seekerPage.getByRole('link', { name: 'Sign in' }).waitFor();
    await seekerPage.reload();
    await seekerPage.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await seekerPage.getByRole('link', { name: 'My requests' }).count()).toBe(0);
    await seekerPage.goto(`${base()}/requests`);
    await seekerPage.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(seekerPage, 'sign in');
    expect(pageErrors).toEqual([]);
  });
});
