import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { repoRoot, waitFor, type Stack } from '@payforward/testing';
import { axe } from './browser.js';

export interface Person {
  name: string;
  email: string;
  password: string;
  timezone: string;
}

export const person = (name: string, suffix: string, timezone = 'UTC'): Person => ({
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}.${suffix}@example.com`,
  password: `a long password ${suffix}`,
  timezone,
});

/** The demo data of `npm start`, so the pages look like the real thing (infra/seed/seed.mjs). */
export async function seed(stack: Stack): Promise<void> {
  await promisify(execFile)(process.execPath, [join(repoRoot(), 'infra/seed/seed.mjs'), stack.graphqlUrl], {
    env: { ...process.env, PAYFORWARD_ADMIN_EMAIL: stack.admin.email, PAYFORWARD_ADMIN_PASSWORD: stack.admin.password },
    timeout: 120_000,
  });
}

export async function registerInBrowser(page: Page, base: string, who: Person): Promise<void> {
  await page.goto(`${base}/register`);
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByLabel('Headline (optional)').fill(`${who.name.split(' ')[0]} on Payforward`);
  await page.getByLabel('Time zone').fill(who.timezone);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signInInBrowser(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The accessibility smoke check of a main page: no critical axe violation (serious ones are listed in the failure). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  const critical = violations.filter((v) => v.impact === 'critical');
  expect({ page: what, critical }).toEqual({ page: what, critical: [] });
  const serious = violations.filter((v) => v.impact === 'serious');
  if (serious.length > 0) console.warn(`${what}: serious accessibility findings`, JSON.stringify(serious, null, 2));
}

/** Clicks until `done` holds: the marketplace learns of a just-registered member through Kafka, a moment later. */
export async function retryClick(page: Page, click: () => Promise<void>, done: () => Promise<boolean>, what: string): Promise<void> {
  await waitFor(
    async () => {
      await click();
      await page.waitForTimeout(700);
      return (await done()) ? true : undefined;
    },
    { timeoutMs: 45_000, intervalMs: 300, what },
  );
}

/** A zone whose wall clock is between 01:00 and 20:00 now, so a window can start in a few minutes and end before midnight. */
export function daytimeZone(now = new Date()): string {
  const hour = (timeZone: string) => Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
  return ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Auckland'].find((z) => hour(z) >= 1 && hour(z) <= 20)!;
}

/** Weekday name and "HH:MM" of `at` on the wall clock of `timeZone`. */
export function wallTime(at: Date, timeZone: string): { weekday: string; hhmm: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { weekday: parts.weekday!, hhmm: `${parts.hour}:${parts.minute}` };
}

const tokenOf = async (stack: Stack, who: { email: string; password: string }) =>
  (await ok(stack, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id } } }', { e: who.email, p: who.password })).login as { token: string; member: { id: string } };

async function ok(stack: Stack, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  const result = await stack.gql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/**
 * `helper` completes a résumé review for `helped`, who helped them days before: a reciprocal pair
 * (DESIGN §2.6). Waits until the reputation projection raised the open flag about `helper`.
 */
export async function raiseReciprocalFlag(stack: Stack, { helper, helped }: { helper: Person; helped: Person }): Promise<void> {
  const [mentor, seeker, admin] = await Promise.all([tokenOf(stack, helper), tokenOf(stack, helped), tokenOf(stack, stack.admin)]);
  const input = { kind: 'RESUME_REVIEW', title: 'Résumé review for Go developers', description: 'Written feedback on one résumé.', topics: ['resume'], capacity: 2, period: 'MONTH' };
  const offer = await waitFor(() => ok(stack, 'mutation($i: PublishOfferInput!) { publishOffer(input: $i) { id } }', { i: input }, mentor.token), {
    timeoutMs: 30_000,
    intervalMs: 300,
    what: 'the marketplace to know the helper',
  });
  const message = 'I mentor juniors but have not updated my own résumé in years; could you review it for backend roles?';
  const { requestHelp } = await ok(stack, 'mutation($i: RequestHelpInput!) { requestHelp(input: $i) { id } }', { i: { offerId: offer.publishOffer.id, goal: 'A sharper résumé for backend roles', message } }, seeker.token);
  await ok(stack, 'mutation($id: ID!) { acceptRequest(id: $id) { id } }', { id: requestHelp.id }, mentor.token);
  await ok(stack, 'mutation($id: ID!) { completeRequest(id: $id) { id } }', { id: requestHelp.id }, mentor.token);
  await waitFor(
    async () => {
      const { reputationFlags } = await ok(stack, '{ reputationFlags(status: OPEN) { member { id } } }', {}, admin.token);
      return reputationFlags.some((f: { member: { id: string } }) => f.member.id === mentor.member.id) ? true : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, what: 'the reciprocal-pair flag' },
  );
}
