import ICAL from 'ical.js';
import { buildSessionFeed, buildSessionInvite, DEFAULT_NO_REPLY_ADDRESS, type SessionInviteInput } from './session-invite.builder.js';

/** The invite and the feed, parsed back with ical.js (a second, independent implementation of RFC 5545). */

const REQUEST_ID = '0196f0a0-1111-7000-8000-00000000000a';
const base: SessionInviteInput = {
  requestId: REQUEST_ID,
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2026-05-12T12:00:00Z'),
  durationMinutes: 45,
  organizer: { name: 'Dana Mentor' },
  attendee: { name: 'Sam Seeker' },
  summary: 'Advice call: Dana Mentor and Sam Seeker',
  timezone: 'Europe/Berlin',
  stamp: new Date('2026-05-01T09:00:00Z'),
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents('vevent');
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

const berlinClock = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('buildSessionInvite', () => {
  it('given an accepted session, when its invite is built, then it parses with a stable UID, SEQUENCE, METHOD:REQUEST, organizer and attendee by name', () => {
    const { calendar, vevents, events } = parse(buildSessionInvite(base));

    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.uid).toBe(`${REQUEST_ID}@payforward`);
    expect(event!.sequence).toBe(0);
    expect(event!.startDate.toJSDate().toISOString()).toBe('2026-05-12T12:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2026-05-12T12:45:00.000Z');
    expect(event!.summary).toBe('Advice call: Dana Mentor and Sam Seeker');
    const organizer = vevents[0]!.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).toBe('Dana Mentor');
    const attendees = event!.attendees;
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getParameter('cn')).toBe('Sam Seeker');
  });

  it('given the parties, when the invite is built, then the only address in it is the no-reply one', () => {
    const ics = buildSessionInvite(base);
    const addresses = [...ics.matchAll(/mailto:([^\s\r\n]+)/gi)].map((m) => m[1]!.toLowerCase());
    expect(addresses.length).toBeGreaterThanOrEqual(2);
    expect(new Set(addresses)).toEqual(new Set([DEFAULT_NO_REPLY_ADDRESS]));
  });

  it('given a changed session, when re-invited with a higher SEQUENCE and then cancelled, then the UID stays and METHOD:CANCEL marks it cancelled', () => {
    const moved = parse(buildSessionInvite({ ...base, sequence: 1, start: new Date('2026-05-13T12:00:00Z') }));
    const cancelled = parse(buildSessionInvite({ ...base, sequence: 2, method: 'CANCEL' }));

    expect(moved.events[0]!.uid).toBe(`${REQUEST_ID}@payforward`);
    expect(moved.events[0]!.sequence).toBe(1);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.events[0]!.uid).toBe(`${REQUEST_ID}@payforward`);
    expect(cancelled.events[0]!.sequence).toBe(2);
    expect(cancelled.vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('given two sessions at 02:30 Berlin time on the night the clocks go back (25 Oct 2026), when built, then each is its own instant, one hour apart, and says 02:30 locally', () => {
    // 02:30 happens twice that night: first in CEST (00:30Z), then in CET (01:30Z).
    const summer = parse(buildSessionInvite({ ...base, start: new Date('2026-10-25T00:30:00Z'), durationMinutes: 60 }));
    const winter = parse(buildSessionInvite({ ...base, requestId: '0196f0a0-1111-7000-8000-00000000000b', start: new Date('2026-10-25T01:30:00Z'), durationMinutes: 60 }));

    const first = summer.events[0]!;
    const second = winter.events[0]!;
    expect(second.startDate.toJSDate().getTime() - first.startDate.toJSDate().getTime()).toBe(3_600_000);
    expect(berlinClock(first.startDate.toJSDate())).toBe('02:30');
    expect(berlinClock(second.startDate.toJSDate())).toBe('02:30');
    // The first session spans the change: 60 real minutes, from 02:30 CEST to 02:30 CET.
    expect(first.endDate.toJSDate().getTime() - first.startDate.toJSDate().getTime()).toBe(3_600_000);
    expect(berlinClock(first.endDate.toJSDate())).toBe('02:30');
    expect(first.description).toContain('02:30 (Europe/Berlin)');
    expect(second.description).toContain('02:30 (Europe/Berlin)');
    // Written as UTC instants: no floating local time a client could misplace.
    expect(first.startDate.zone.tzid).toBe('UTC');
  });

  it('given a session on the night the clocks go forward (29 Mar 2026), when built, then 01:30Z reads 03:30 in Berlin', () => {
    const { events } = parse(buildSessionInvite({ ...base, start: new Date('2026-03-29T01:30:00Z') }));
    expect(berlinClock(events[0]!.startDate.toJSDate())).toBe('03:30');
    expect(events[0]!.description).toContain('29 March 2026 at 03:30 (Europe/Berlin)');
  });

  it('given an unknown time zone, when built, then the description falls back to UTC instead of failing', () => {
    const { events } = parse(buildSessionInvite({ ...base, timezone: 'Mars/Olympus_Mons' }));
    expect(events[0]!.description).toContain('12:00 (UTC)');
  });
});

describe('buildSessionFeed', () => {
  it('given two upcoming sessions, when the feed is built, then it is a PUBLISH calendar with one VEVENT per session', () => {
    const other = { ...base, requestId: '0196f0a0-1111-7000-8000-00000000000c', sequence: 3, start: new Date('2026-05-20T08:00:00Z') };
    const { calendar, events } = parse(buildSessionFeed('Payforward sessions', [base, other]));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((e) => [e.uid, e.sequence])).toEqual([
      [`${REQUEST_ID}@payforward`, 0],
      ['0196f0a0-1111-7000-8000-00000000000c@payforward', 3],
    ]);
  });

  it('given no sessions, when the feed is built, then it is still a valid, empty calendar', () => {
    const { calendar, events } = parse(buildSessionFeed('Payforward sessions', []));
    expect(calendar.name).toBe('vcalendar');
    expect(events).toEqual([]);
  });
});
