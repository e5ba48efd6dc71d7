import { freeSlots as domainFreeSlots } from '@payforward/marketplace-domain';
import { describe, expect, it } from 'vitest';
import { busyFrom, freeSlots } from './slots';

const iso = (slots: { start: Date; end: Date }[]) => slots.map((s) => `${s.start.toISOString()}/${s.end.toISOString()}`);

const cases = [
  {
    name: 'weekday windows in Berlin across the spring DST change, with a blackout date',
    availability: { timezone: 'Europe/Berlin', windows: [{ weekday: 7, start: '01:00', end: '04:00' }, { weekday: 1, start: '09:00', end: '11:00' }, { weekday: 3, start: '17:00', end: '19:30' }], blackoutDates: ['2026-04-01'] },
    from: new Date('2026-03-26T00:00:00Z'),
    days: 14,
    duration: 60,
  },
  {
    name: 'a window up to midnight in Tokyo, 45-minute sessions, one accepted session in the way',
    availability: { timezone: 'Asia/Tokyo', windows: [{ weekday: 5, start: '22:00', end: '24:00' }, { weekday: 6, start: '10:15', end: '12:00' }], blackoutDates: [] },
    from: new Date('2026-06-01T03:17:00Z'),
    days: 14,
    duration: 45,
    busy: [{ scheduledAt: '2026-06-05T13:30:00Z', durationMinutes: 30 }],
  },
  {
    name: 'New York across the autumn DST change',
    availability: { timezone: 'America/New_York', windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '03:00' })), blackoutDates: [] },
    from: new Date('2026-10-30T12:00:00Z'),
    days: 4,
    duration: 30,
  },
];

describe('free slots for the slot picker', () => {
  it.each(cases)('given $name, then the browser offers exactly the slots the marketplace accepts', ({ availability, from, days, duration, busy = [] }) => {
    const to = new Date(from.getTime() + days * 86_400_000);
    const mine = freeSlots(availability, from, to, duration, busyFrom(busy));
    expect(mine.length).toBeGreaterThan(0);
    expect(iso(mine)).toEqual(iso(domainFreeSlots(availability, from, to, duration, busyFrom(busy))));
  });

  it('given a blackout date, a past time and an accepted session, then none of them is offered', () => {
    const availability = { timezone: 'UTC', windows: [{ weekday: 3, start: '09:00', end: '11:00' }, { weekday: 4, start: '09:00', end: '10:00' }], blackoutDates: [] as string[] };
    const from = new Date('2026-03-04T09:40:00Z'); // Wednesday, after the 09:00 and 09:30 slots began
    const to = new Date('2026-03-06T00:00:00Z');
    const busy = busyFrom([{ scheduledAt: '2026-03-04T10:15:00Z', durationMinutes: 30 }]);
    expect(iso(freeSlots(availability, from, to, 30))).toEqual([
      '2026-03-04T10:00:00.000Z/2026-03-04T10:30:00.000Z',
      '2026-03-04T10:30:00.000Z/2026-03-04T11:00:00.000Z',
      '2026-03-05T09:00:00.000Z/2026-03-05T09:30:00.000Z',
      '2026-03-05T09:30:00.000Z/2026-03-05T10:00:00.000Z',
    ]);
    expect(freeSlots({ ...availability, blackoutDates: ['2026-03-05'] }, from, to, 30, busy)).toEqual([]);
  });

  it('given no availability, then there are no slots', () => {
    expect(freeSlots(null, new Date(), new Date(Date.now() + 86_400_000), 30)).toEqual([]);
  });
});
