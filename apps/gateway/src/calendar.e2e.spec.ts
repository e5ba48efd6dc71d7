import { jest } from '@jest/globals';
import ICAL from 'ical.js';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { act, ALWAYS_AVAILABLE, daysFromNowAt, ok, OPS, publish, register, requestHelp } from './e2e/marketplace.fixtures.js';

/**
 * Calendars on the whole stack: a session accepted in the marketplace reaches the notifications
 * service (Kafka), the member gets their feed URL from rotateCalendarFeedToken through the
 * gateway, the feed lists the session, and a rotation makes the old URL 404.
 * The feed is fetched from the notifications service itself: forwarding `/calendar/` from the
 * gateway is the mail slice's gateway change (seams §4); then this can go through the gateway.
 */
jest.setTimeout(120_000);

const ROTATE = 'mutation { rotateCalendarFeedToken { calendarFeedUrl } }';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** The feed URL's path on the notifications service of this stack (the URL's origin is PUBLIC_API_URL). */
const onService = (url: string): string => `http://127.0.0.1:${stack.env.NOTIFICATIONS_PORT}${new URL(url).pathname}`;
const uidsOf = (ics: string): string[] =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));

describe('calendar feed through the gateway', () => {
  it('given an accepted session, when the mentor rotates their feed token, then the new URL lists the session and the old one is 404', async () => {
    const mentor = await register(stack, 'Cora', 'Europe/Berlin');
    const seeker = await register(stack, 'Dev');
    const offerId = (await publish(stack, mentor, 'ADVICE_CALL', { capacity: 5 })).id as string;
    await act(stack, 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone } }', { input: ALWAYS_AVAILABLE }, mentor);
    const requestId = (await requestHelp(stack, seeker, offerId)).id as string;
    await act(stack, OPS.accept, { id: requestId, at: daysFromNowAt(3, 14) }, mentor);

    const first = ok(await stack.gql(ROTATE, {}, mentor.token)).rotateCalendarFeedToken.calendarFeedUrl as string;
    expect(first).toMatch(/^http:\/\/localhost:4000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const listed = await waitFor(
      async () => {
        const response = await fetch(onService(first));
        if (response.status !== 200) return false;
        const body = await response.text();
        return uidsOf(body).includes(`${requestId}@payforward`) ? response : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the accepted session in the mentor’s feed' },
    );
    expect(listed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');

    const second = ok(await stack.gql(ROTATE, {}, mentor.token)).rotateCalendarFeedToken.calendarFeedUrl as string;
    expect(second).not.toBe(first);
    expect((await fetch(onService(first))).status).toBe(404);
    const fresh = await fetch(onService(second));
    expect(fresh.status).toBe(200);
    expect(uidsOf(await fresh.text())).toEqual([`${requestId}@payforward`]);

    // The seeker's feed is their own URL, with the same session; anonymous callers get none.
    const seekerUrl = ok(await stack.gql(ROTATE, {}, seeker.token)).rotateCalendarFeedToken.calendarFeedUrl as string;
    expect(seekerUrl).not.toBe(second);
    expect(uidsOf(await (await fetch(onService(seekerUrl))).text())).toEqual([`${requestId}@payforward`]);
    expect((await stack.gql(ROTATE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
