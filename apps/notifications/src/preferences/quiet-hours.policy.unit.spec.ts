import { quietHoursRelease } from './quiet-hours.policy.js';

const night = { start: '22:00', end: '07:00' };

describe('quiet hours', () => {
  it('given a time outside the window, when an e-mail is decided, then it leaves at once', () => {
    expect(quietHoursRelease(new Date('2026-03-03T12:00:00Z'), 'Europe/Berlin', night)).toBeNull();
    expect(quietHoursRelease(new Date('2026-03-03T12:00:00Z'), 'Europe/Berlin', null)).toBeNull();
  });

  it('given 23:00 in Berlin in winter, when decided, then it waits until 07:00 CET the next morning', () => {
    expect(quietHoursRelease(new Date('2026-03-03T22:00:00Z'), 'Europe/Berlin', night)).toEqual(new Date('2026-03-04T06:00:00Z'));
  });

  it('given 03:00 after midnight, when decided, then it waits until 07:00 the same morning', () => {
    expect(quietHoursRelease(new Date('2026-03-04T02:00:00Z'), 'Europe/Berlin', night)).toEqual(new Date('2026-03-04T06:00:00Z'));
  });

  it('given the night Berlin springs forward (29 March 2026), when decided at 23:00 CET, then it waits until 07:00 CEST (05:00 UTC)', () => {
    expect(quietHoursRelease(new Date('2026-03-28T22:00:00Z'), 'Europe/Berlin', night)).toEqual(new Date('2026-03-29T05:00:00Z'));
  });

  it('given the night Berlin falls back (25 October 2026), when decided during the repeated hour, then it waits until 07:00 CET (06:00 UTC)', () => {
    // 00:30 UTC is 02:30 CEST; 01:30 UTC is 02:30 CET: both inside, both released at 07:00 CET.
    expect(quietHoursRelease(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin', night)).toEqual(new Date('2026-10-25T06:00:00Z'));
    expect(quietHoursRelease(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin', night)).toEqual(new Date('2026-10-25T06:00:00Z'));
  });

  it('given New York springing forward (8 March 2026), when decided at 23:00 EST, then it waits until 07:00 EDT (11:00 UTC)', () => {
    expect(quietHoursRelease(new Date('2026-03-08T04:00:00Z'), 'America/New_York', night)).toEqual(new Date('2026-03-08T11:00:00Z'));
  });

  it('given New York falling back (1 November 2026), when decided at 23:00 EDT, then it waits until 07:00 EST (12:00 UTC)', () => {
    expect(quietHoursRelease(new Date('2026-11-01T03:00:00Z'), 'America/New_York', night)).toEqual(new Date('2026-11-01T12:00:00Z'));
  });

  it('given a window ending inside the spring-forward gap, when decided, then it is released just after the gap', () => {
    // 02:30 does not exist in Berlin on 29 March 2026: the clock jumps from 02:00 CET to 03:00 CEST.
    expect(quietHoursRelease(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin', { start: '00:00', end: '02:30' })).toEqual(new Date('2026-03-29T01:30:00Z'));
  });

  it('given a daytime window that does not cross midnight, when decided inside and after it, then only inside waits', () => {
    const focus = { start: '09:00', end: '17:30' };
    expect(quietHoursRelease(new Date('2026-06-01T10:00:00Z'), 'UTC', focus)).toEqual(new Date('2026-06-01T17:30:00Z'));
    expect(quietHoursRelease(new Date('2026-06-01T17:30:00Z'), 'UTC', focus)).toBeNull();
    expect(quietHoursRelease(new Date('2026-06-01T08:59:00Z'), 'UTC', focus)).toBeNull();
  });

  it('given an unknown zone in the mirror, when decided, then UTC is used rather than failing', () => {
    expect(quietHoursRelease(new Date('2026-06-01T23:00:00Z'), 'Mars/Olympus', night)).toEqual(new Date('2026-06-02T07:00:00Z'));
  });
});
