import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';

/**
 * iCalendar for sessions (RFC 5545; ADR 018), written with ical-generator.
 *
 * Times are written in UTC (`DTSTART:20261025T003000Z`), not as local times with a VTIMEZONE:
 * a session is one instance, never a recurrence, so its instant is all a calendar needs, and a
 * UTC instant is right on both sides of a DST change by construction (every client shows it in
 * its own zone). The member's zone names the local time in the description, for readers of
 * the raw invite. The UID is stable per request, so a changed or cancelled session replaces the
 * entry instead of adding one; SEQUENCE is the session's change counter.
 *
 * Organizer and attendee carry display names and the service's no-reply address only: never a
 * member's real address (the other party's contact is not this mail's to give).
 */

export const CALENDAR_PRODUCT_ID = { company: 'Payforward', product: 'Sessions', language: 'EN' } as const;
export const DEFAULT_NO_REPLY_ADDRESS = 'noreply@payforward.dev';

export const sessionUid = (requestId: string): string => `${requestId}@payforward`;

export interface SessionInviteInput {
  requestId: string;
  /** The session's change counter: raise it on every change, or calendars ignore the update. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  durationMinutes: number;
  /** The mentor (display name only). */
  organizer: { name: string };
  /** The seeker (display name only). */
  attendee: { name: string };
  summary: string;
  /** The recipient's IANA zone, for the local time named in the description. */
  timezone: string;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
  /** Where replies would go: the no-reply address, never a member's. */
  noReplyAddress?: string;
}

/** "Sunday 25 October 2026, 02:30 (Europe/Berlin)"; an unknown zone falls back to UTC. */
export function localStart(start: Date, timezone: string): string {
  const format = (zone: string) =>
    `${new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start)} (${zone})`;
  try {
    return format(timezone);
  } catch {
    return format('UTC');
  }
}

type SessionEventInput = Omit<SessionInviteInput, 'method'> & { cancelled: boolean };

function addSessionEvent(calendar: ICalCalendar, input: SessionEventInput): void {
  const noReply = input.noReplyAddress ?? DEFAULT_NO_REPLY_ADDRESS;
  calendar.createEvent({
    id: sessionUid(input.requestId),
    sequence: input.sequence,
    stamp: input.stamp ?? new Date(),
    start: input.start,
    end: new Date(input.start.getTime() + input.durationMinutes * 60_000),
    summary: input.summary,
    description: `${input.summary}, ${localStart(input.start, input.timezone)}. Change or cancel it in Payforward: replies to this invite are not read.`,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: noReply },
    attendees: [
      {
        name: input.attendee.name,
        email: noReply,
        role: ICalAttendeeRole.REQ,
        status: input.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
}

/** The invite of one session: METHOD:REQUEST when accepted or changed, METHOD:CANCEL when called off. */
export function buildSessionInvite(input: SessionInviteInput): string {
  const calendar = ical({ prodId: CALENDAR_PRODUCT_ID, method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addSessionEvent(calendar, { ...input, cancelled: input.method === 'CANCEL' });
  return calendar.toString();
}

/** A member's private feed: their upcoming sessions, one VEVENT each (same UIDs as the invites). */
export function buildSessionFeed(name: string, sessions: readonly Omit<SessionInviteInput, 'method'>[]): string {
  const calendar = ical({ prodId: CALENDAR_PRODUCT_ID, name, method: ICalCalendarMethod.PUBLISH });
  for (const session of sessions) addSessionEvent(calendar, { ...session, cancelled: false });
  return calendar.toString();
}
