import { jest } from '@jest/globals';
import ICAL from 'ical.js';
import { v7 as uuidv7 } from 'uuid';
import { deleteKafkaResources, uniqueSuffix } from '@payforward/testing';
import { ManualClock } from '../notifications.clock.js';
import { createSpecTopics, erased, publish, startNotifications, tokenFor, type SpecNotifications, type SpecTopics } from '../notifications.spec.fixtures.js';
import { DAY, HOUR, member, plus, scheduledRequest } from '../sessions/sessions.spec.fixtures.js';
import { currentFeedToken } from './feed-tokens.read-model.js';
import { sessionInviteFor } from './session-calendar.read-model.js';

/**
 * The private calendar feed on the service itself (HTTP + GraphQL), real PostgreSQL and Kafka:
 * the URL opens the member's upcoming sessions, rotation kills the old URL at once, unknown,
 * revoked and erased members' tokens all get 404, and the database never holds a token.
 */
jest.setTimeout(120_000);

const START = new Date('2026-10-20T08:00:00Z');
const PUBLIC_API_URL = 'https://api.payforward.test';
const suffix = uniqueSuffix();
const clock = new ManualClock(START);
let topics: SpecTopics;
let n: SpecNotifications;

beforeAll(async () => {
  topics = await createSpecTopics(suffix);
  n = await startNotifications('calendar', topics, { clock, reminderScanIntervalMs: 0, publicApiUrl: `${PUBLIC_API_URL}/` });
}, 90_000);

afterAll(async () => {
  await n?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

const ROTATE = 'mutation { rotateCalendarFeedToken { calendarFeedUrl preferences { category email } } }';

async function rotate(memberId: string): Promise<string> {
  const result = await n.gql(ROTATE, {}, await tokenFor(memberId));
  expect(result.errors).toBeUndefined();
  return result.data!.rotateCalendarFeedToken.calendarFeedUrl as string;
}

async function fetchFeed(url: string) {
  const path = url.startsWith(PUBLIC_API_URL) ? url.slice(PUBLIC_API_URL.length) : url;
  const response = await n.app.inject({ method: 'GET', url: path });
  return { status: response.statusCode, type: response.headers['content-type'], cache: response.headers['cache-control'], body: response.body };
}

const eventsOf = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

async function acceptedSession(mentor: string, seeker: string, startsAt: Date) {
  const request = scheduledRequest(mentor, seeker);
  const events = [request.submitted(START), request.accepted(plus(START, HOUR), startsAt)];
  await publish(topics.helpRequest, events);
  await n.applied(events);
  return request;
}

describe('calendar feed', () => {
  it('given an accepted session, when the member rotates and opens their feed URL, then it lists the session in text/calendar; the old URL is 404', async () => {
    const [mentor, seeker] = [uuidv7(), uuidv7()];
    const members = [member(mentor, 'Dana Mentor', 'Europe/Berlin', START.toISOString()), member(seeker, 'Sam Seeker', 'UTC', START.toISOString())];
    await publish(topics.identity, members);
    await n.applied(members);
    // 02:30 CEST on the night Berlin's clocks go back.
    const startsAt = new Date('2026-10-25T00:30:00Z');
    const request = await acceptedSession(mentor, seeker, startsAt);

    const first = await rotate(mentor);
    expect(first).toMatch(new RegExp(`^${PUBLIC_API_URL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const feed = await fetchFeed(first);
    expect(feed).toMatchObject({ status: 200, type: 'text/calendar; charset=utf-8', cache: 'private, no-store' });
    const [event, ...rest] = eventsOf(feed.body);
    expect(rest).toEqual([]);
    expect(event!.uid).toBe(`${request.ids.requestId}@payforward`);
    expect(event!.sequence).toBe(0);
    expect(event!.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event!.summary).toBe('Advice call with Sam Seeker (Payforward)');
    expect(event!.description).toContain('02:30 (Europe/Berlin)');

    const second = await rotate(mentor);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect(eventsOf((await fetchFeed(second)).body).map((e) => e.uid)).toEqual([`${request.ids.requestId}@payforward`]);

    // The seeker's own feed shows the same session from their side.
    const seekerFeed = await fetchFeed(await rotate(seeker));
    expect(eventsOf(seekerFeed.body).map((e) => e.summary)).toEqual(['Advice call with Dana Mentor (Payforward)']);
  });

  it('given a member who never rotated, when the URL is read twice, then the first read created one token and both reads give the same URL', async () => {
    const memberId = uuidv7();
    const secret = Buffer.from('calendar-int-spec-secret');
    const [a, b] = await Promise.all([currentFeedToken(n.db.pool, secret, memberId, START), currentFeedToken(n.db.pool, secret, memberId, START)]);
    expect(a).toBe(b);
    expect(await currentFeedToken(n.db.pool, secret, memberId, START)).toBe(a);
    const { rows } = await n.db.pool.query('SELECT count(*)::int AS n FROM calendar_feed_tokens WHERE member_id = $1', [memberId]);
    expect(rows[0].n).toBe(1);
  });

  it('given feed URLs, when the token table is searched for them, then only hashes are stored', async () => {
    const memberId = uuidv7();
    const url = await rotate(memberId);
    const token = /\/calendar\/(.+)\.ics$/.exec(url)![1]!;
    const { rows } = await n.db.pool.query('SELECT count(*)::int AS n FROM calendar_feed_tokens t WHERE strpos(t::text, $1) > 0', [token]);
    expect(rows[0].n).toBe(0);
    expect((await fetchFeed(url)).status).toBe(200);
  });

  it.each([
    ['an unknown token', `/calendar/${'A'.repeat(43)}.ics`],
    ['a malformed token', '/calendar/not-a-token.ics'],
    ['no .ics suffix', '/calendar/whatever'],
  ])('given %s, when the feed is fetched, then 404', async (_, path) => {
    expect((await fetchFeed(path)).status).toBe(404);
  });

  it('given a completed session and one in the past, when the feed is read, then only upcoming scheduled sessions are listed', async () => {
    const [mentor, seeker] = [uuidv7(), uuidv7()];
    const upcoming = await acceptedSession(mentor, seeker, plus(START, 3 * DAY));
    const done = await acceptedSession(mentor, seeker, plus(START, 2 * DAY));
    const completed = done.completed(plus(START, 2 * DAY + HOUR), plus(START, 2 * DAY));
    await publish(topics.helpRequest, [completed]);
    await n.applied([completed]);
    const url = await rotate(mentor);
    expect(eventsOf((await fetchFeed(url)).body).map((e) => e.uid)).toEqual([`${upcoming.ids.requestId}@payforward`]);

    clock.set(plus(START, 4 * DAY));
    try {
      expect(eventsOf((await fetchFeed(url)).body)).toEqual([]);
    } finally {
      clock.set(START);
    }
  });

  it('given an erased member, when their feed URL is fetched, then 404', async () => {
    const memberId = uuidv7();
    const url = await rotate(memberId);
    expect((await fetchFeed(url)).status).toBe(200);
    const gone = erased(memberId, START.toISOString());
    await publish(topics.identity, [gone]);
    await n.applied([gone]);
    expect((await fetchFeed(url)).status).toBe(404);
  });

  it('given no token, when rotating, then UNAUTHENTICATED', async () => {
    const result = await n.gql(ROTATE);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('given an accepted session, when the seeker’s invite is built for the acceptance mail, then it is a REQUEST naming both by display name', async () => {
    const [mentor, seeker] = [uuidv7(), uuidv7()];
    const members = [member(mentor, 'Ada Mentor', 'UTC', START.toISOString()), member(seeker, 'Bo Seeker', 'Europe/Berlin', START.toISOString())];
    await publish(topics.identity, members);
    await n.applied(members);
    const request = await acceptedSession(mentor, seeker, plus(START, 2 * DAY));

    const invite = await sessionInviteFor(n.db.pool, request.ids.requestId, seeker);
    expect(invite?.method).toBe('REQUEST');
    const vcalendar = new ICAL.Component(ICAL.parse(invite!.content));
    expect(vcalendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = vcalendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Ada Mentor');
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe('Bo Seeker');
    expect(await sessionInviteFor(n.db.pool, request.ids.requestId, uuidv7())).toBeNull();
  });
});
