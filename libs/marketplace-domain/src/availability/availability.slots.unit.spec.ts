import type { Availability } from './availability.state.js';
import { freeSlots, isSlotAvailable, MAX_FREE_SLOT_RANGE_DAYS, slotOf, slotsOverlap } from './availability.slots.js';
import { localDateTime, zonedTimeToUtc, zoneOffsetMinutes } from './availability.time-zone.js';

const utc = (iso: string) => new Date(iso);
const berlin: Availability = {
  timezone: 'Europe/Berlin',
  windows: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 7, start: '01:00', end: '04:00' },
    { weekday: 5, start: '22:00', end: '24:00' },
  ],
  blackoutDates: ['2026-12-07'],
};

describe('time zones via Intl', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 120],
    ['America/New_York', '2026-01-15T12:00:00Z', -300],
    ['America/New_York', '2026-07-15T12:00:00Z', -240],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 330],
    ['UTC', '2026-07-15T12:00:00Z', 0],
  ])('the offset of %s at %s is %i minutes', (zone, at, offset) => {
    expect(zoneOffsetMinutes(utc(at), zone)).toBe(offset);
  });

  it('reads the wall clock, weekday and date in the zone', () => {
    expect(localDateTime(utc('2026-11-23T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-24', weekday: 2, minuteOfDay: 8 * 60 + 30 });
  });

  it('converts a wall time back to the instant, on both sides of a DST change', () => {
    expect(zonedTimeToUtc('2026-03-28', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-30', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('isSlotAvailable', () => {
  it('given a Monday 09:00–12:00 Berlin window, when a call starts 09:00 Berlin (08:00 UTC in winter), then it is available', () => {
    expect(isSlotAvailable(berlin, utc('2026-11-23T08:00:00Z'), 60)).toBe(true);
  });

  it('given the same window in summer, then 09:00 Berlin is 07:00 UTC', () => {
    expect(isSlotAvailable(berlin, utc('2026-06-01T07:00:00Z'), 60)).toBe(true);
    expect(isSlotAvailable(berlin, utc('2026-06-01T08:00:00Z'), 60)).toBe(true);
    expect(isSlotAvailable(berlin, utc('2026-06-01T06:30:00Z'), 60)).toBe(false);
  });

  it('given a call that would run past the window, then it is not available', () => {
    expect(isSlotAvailable(berlin, utc('2026-11-23T10:30:00Z'), 60)).toBe(false);
    expect(isSlotAvailable(berlin, utc('2026-11-23T10:00:00Z'), 60)).toBe(true);
  });

  it('given a call starting before the window, then it is not available', () => {
    expect(isSlotAvailable(berlin, utc('2026-11-23T07:30:00Z'), 60)).toBe(false);
  });

  it('given a weekday without windows, then nothing is available', () => {
    expect(isSlotAvailable(berlin, utc('2026-11-24T08:00:00Z'), 30)).toBe(false);
  });

  it('given a blackout date, then its windows are not available', () => {
    expect(isSlotAvailable(berlin, utc('2026-12-07T08:00:00Z'), 30)).toBe(false);
    expect(isSlotAvailable(berlin, utc('2026-12-14T08:00:00Z'), 30)).toBe(true);
  });

  it('given a window until 24:00, then a call may end exactly at midnight but not run past it', () => {
    expect(isSlotAvailable(berlin, utc('2026-11-27T22:00:00Z'), 60)).toBe(true); // Friday 23:00–24:00 Berlin
    expect(isSlotAvailable(berlin, utc('2026-11-27T22:30:00Z'), 60)).toBe(false);
  });

  it('given a mentor in Tokyo, then the weekday and the blackout date are read in Tokyo, not in UTC', () => {
    const tokyo: Availability = { timezone: 'Asia/Tokyo', windows: [{ weekday: 2, start: '08:00', end: '10:00' }], blackoutDates: [] };
    // Monday 23:00 UTC is Tuesday 08:00 in Tokyo.
    expect(isSlotAvailable(tokyo, utc('2026-11-23T23:00:00Z'), 60)).toBe(true);
    expect(isSlotAvailable({ ...tokyo, blackoutDates: ['2026-11-24'] }, utc('2026-11-23T23:00:00Z'), 60)).toBe(false);
    expect(isSlotAvailable({ ...tokyo, blackoutDates: ['2026-11-23'] }, utc('2026-11-23T23:00:00Z'), 60)).toBe(true);
  });

  it('given no availability or a nonsensical duration, then nothing is available', () => {
    expect(isSlotAvailable(null, utc('2026-11-23T08:00:00Z'), 60)).toBe(false);
    expect(isSlotAvailable(berlin, utc('2026-11-23T08:00:00Z'), 0)).toBe(false);
    expect(isSlotAvailable(berlin, new Date(Number.NaN), 30)).toBe(false);
  });
});

describe('slotsOverlap', () => {
  const nine = slotOf(utc('2026-11-23T09:00:00Z'), 60);
  it.each([
    ['the same slot', nine, true],
    ['a slot starting inside', slotOf(utc('2026-11-23T09:30:00Z'), 60), true],
    ['a slot containing it', slotOf(utc('2026-11-23T08:00:00Z'), 180), true],
    ['a slot ending as it starts', slotOf(utc('2026-11-23T08:00:00Z'), 60), false],
    ['a slot starting as it ends', slotOf(utc('2026-11-23T10:00:00Z'), 30), false],
  ])('09:00–10:00 and %s: %s', (_, other, expected) => {
    expect(slotsOverlap(nine, other)).toBe(expected);
    expect(slotsOverlap(other, nine)).toBe(expected);
  });
});

describe('freeSlots', () => {
  const monday = { from: utc('2026-11-23T00:00:00Z'), to: utc('2026-11-24T00:00:00Z') };
  const starts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());

  it('given a 09:00–12:00 window, when listing one-hour slots, then they start every 30 minutes', () => {
    expect(starts(freeSlots(berlin, monday.from, monday.to, 60))).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-23T08:30:00.000Z',
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T09:30:00.000Z',
      '2026-11-23T10:00:00.000Z',
    ]);
  });

  it('given an accepted session, when listing, then overlapping slots are left out', () => {
    const busy = [slotOf(utc('2026-11-23T08:30:00Z'), 60)];
    expect(starts(freeSlots(berlin, monday.from, monday.to, 60, busy))).toEqual(['2026-11-23T09:30:00.000Z', '2026-11-23T10:00:00.000Z']);
  });

  it('given a range starting mid-window, when listing, then only slots fully inside the range are returned', () => {
    expect(starts(freeSlots(berlin, utc('2026-11-23T09:15:00Z'), utc('2026-11-23T11:00:00Z'), 60))).toEqual([
      '2026-11-23T09:30:00.000Z',
      '2026-11-23T10:00:00.000Z',
    ]);
  });

  it('given a blackout date, when listing, then that day has no slots', () => {
    expect(freeSlots(berlin, utc('2026-12-07T00:00:00Z'), utc('2026-12-08T00:00:00Z'), 30)).toEqual([]);
  });

  it('given the spring-forward night, when listing, then wall times that do not exist are skipped', () => {
    // Berlin, Sunday 2026-03-29: 02:00 jumps to 03:00. Window 01:00–04:00.
    expect(starts(freeSlots(berlin, utc('2026-03-28T22:00:00Z'), utc('2026-03-29T22:00:00Z'), 30))).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });

  it('given a week, when listing, then slots of every window come back in time order', () => {
    const slots = freeSlots(berlin, utc('2026-11-23T00:00:00Z'), utc('2026-11-30T00:00:00Z'), 60);
    expect(slots.length).toBe(5 + 3 + 5); // Monday, Friday 22–24, Sunday 01–04
    expect(starts(slots)).toEqual([...starts(slots)].sort());
    expect(slots.every((s) => isSlotAvailable(berlin, s.start, 60))).toBe(true);
  });

  it('given a range of years, when listing, then it is capped', () => {
    const slots = freeSlots(berlin, utc('2026-11-23T00:00:00Z'), utc('2030-01-01T00:00:00Z'), 60);
    const last = slots.at(-1)!.end.getTime();
    expect(last).toBeLessThanOrEqual(utc('2026-11-23T00:00:00Z').getTime() + MAX_FREE_SLOT_RANGE_DAYS * 86_400_000);
  });

  it('given no availability or an empty range, then there are no slots', () => {
    expect(freeSlots(null, monday.from, monday.to, 60)).toEqual([]);
    expect(freeSlots(berlin, monday.to, monday.from, 60)).toEqual([]);
  });
});
