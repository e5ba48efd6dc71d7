import type { AvailabilityEvent } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents, uuid } from '../shared/spec.fixtures.js';
import { availabilityDecider, type AvailabilityCommand } from './availability.decider.js';
import type { SetAvailability } from './set-availability.js';

const mentorId = uuid(10);
const now = new Date('2026-11-25T10:00:00.000Z');

const set = (data: Partial<SetAvailability['data']> = {}): AvailabilityCommand => ({
  type: 'SetAvailability',
  data: {
    mentorId,
    timezone: 'Europe/Berlin',
    windows: [
      { weekday: 3, start: '18:00', end: '20:00' },
      { weekday: 1, start: '12:00', end: '14:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
    ],
    blackoutDates: ['2026-12-25', '2026-12-24', '2026-12-25'],
    now,
    ...data,
  },
});

const setEvent: AvailabilityEvent = {
  type: 'AvailabilitySet',
  data: {
    mentorId,
    timezone: 'Europe/Berlin',
    windows: [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '12:00', end: '14:00' },
      { weekday: 3, start: '18:00', end: '20:00' },
    ],
    blackoutDates: ['2026-12-24', '2026-12-25'],
    setAt: now.toISOString(),
  },
};

describe('availability decider: SetAvailability', () => {
  it('given no availability, when set, then AvailabilitySet with windows sorted and dates deduplicated (touching windows are fine)', () => {
    const events = spec(availabilityDecider).given([]).when(set()).events();
    expect(events).toEqual([setEvent]);
    expectValidEvents(events);
  });

  it('given a zone name in the wrong case, when set, then the canonical IANA name is stored', () => {
    const [event] = spec(availabilityDecider).given([]).when(set({ timezone: 'europe/berlin' })).events();
    expect(event!.data.timezone).toBe('Europe/Berlin');
  });

  it('given the same availability, when set again, then nothing is recorded', () => {
    expect(spec(availabilityDecider).given([setEvent]).when(set()).events()).toEqual([]);
  });

  it('given an availability, when replaced by a different one, then the whole new availability is recorded', () => {
    const events = spec(availabilityDecider).given([setEvent]).when(set({ windows: [], blackoutDates: null })).events();
    expect(events[0]!.data).toMatchObject({ windows: [], blackoutDates: [] });
  });

  it('given a window ending at 24:00, when set, then it runs until midnight', () => {
    const [event] = spec(availabilityDecider).given([]).when(set({ windows: [{ weekday: 7, start: '20:00', end: '24:00' }] })).events();
    expect(event!.data.windows).toEqual([{ weekday: 7, start: '20:00', end: '24:00' }]);
  });

  it('given windows overlapping on different weekdays only, when set, then it is accepted', () => {
    const windows = [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 2, start: '10:00', end: '11:00' },
    ];
    expect(spec(availabilityDecider).given([]).when(set({ windows })).events()).toHaveLength(1);
  });

  it.each([
    ['an unknown zone', { timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
    ['an empty zone', { timezone: '' }, 'input.timezone'],
    ['a start without a leading zero', { windows: [{ weekday: 1, start: '9:00', end: '12:00' }] }, 'input.windows[0].start'],
    ['a start of 24:00', { windows: [{ weekday: 1, start: '24:00', end: '24:00' }] }, 'input.windows[0].start'],
    ['minute 60', { windows: [{ weekday: 1, start: '09:00', end: '12:60' }] }, 'input.windows[0].end'],
    ['an end of 25:00', { windows: [{ weekday: 1, start: '09:00', end: '25:00' }] }, 'input.windows[0].end'],
    ['an end before the start', { windows: [{ weekday: 1, start: '12:00', end: '09:00' }] }, 'input.windows[0].end'],
    ['an empty window', { windows: [{ weekday: 1, start: '09:00', end: '09:00' }] }, 'input.windows[0].end'],
    ['weekday 0', { windows: [{ weekday: 0, start: '09:00', end: '10:00' }] }, 'input.windows[0].weekday'],
    ['weekday 8', { windows: [{ weekday: 8, start: '09:00', end: '10:00' }] }, 'input.windows[0].weekday'],
    ['a fractional weekday', { windows: [{ weekday: 1.5, start: '09:00', end: '10:00' }] }, 'input.windows[0].weekday'],
    [
      'overlapping windows on one weekday',
      {
        windows: [
          { weekday: 2, start: '09:00', end: '12:00' },
          { weekday: 2, start: '11:30', end: '13:00' },
        ],
      },
      'input.windows[1]',
    ],
    [
      'a window inside another',
      {
        windows: [
          { weekday: 2, start: '09:00', end: '17:00' },
          { weekday: 5, start: '09:00', end: '10:00' },
          { weekday: 2, start: '10:00', end: '11:00' },
        ],
      },
      'input.windows[2]',
    ],
    ['29 windows', { windows: Array.from({ length: 29 }, (_, i) => ({ weekday: (i % 7) + 1, start: `${String(i % 24).padStart(2, '0')}:00`, end: `${String(i % 24).padStart(2, '0')}:30` })) }, 'input.windows'],
    ['an impossible date', { blackoutDates: ['2026-02-30'] }, 'input.blackoutDates[0]'],
    ['a date with slashes', { blackoutDates: ['2026-12-24', '2026/12/25'] }, 'input.blackoutDates[1]'],
    ['367 blackout dates', { blackoutDates: Array.from({ length: 367 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)) }, 'input.blackoutDates'],
  ] as const)('given %s, when set, then BAD_USER_INPUT on %s', (_, data, field) => {
    const error = spec(availabilityDecider).given([]).when(set(data as unknown as Partial<SetAvailability['data']>)).error();
    expectRefusal(error, 'BAD_USER_INPUT', field);
  });

  it('given 28 windows and 366 blackout dates, when set, then both maxima are accepted', () => {
    const windows = Array.from({ length: 28 }, (_, i) => ({ weekday: (i % 7) + 1, start: `${String(Math.floor(i / 7) * 2).padStart(2, '0')}:00`, end: `${String(Math.floor(i / 7) * 2 + 1).padStart(2, '0')}:00` }));
    const blackoutDates = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    const events = spec(availabilityDecider).given([]).when(set({ windows, blackoutDates })).events();
    expect(events[0]!.data.windows).toHaveLength(28);
    expectValidEvents(events);
  });
});
