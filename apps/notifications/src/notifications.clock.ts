/**
 * Where the notifications service reads the time: the reminder scheduler and the consumer (which
 * plans due times against "now") ask this provider, so specs move time instead of waiting a day.
 */
export interface Clock {
  now(): Date;
}

export const NOTIFICATIONS_CLOCK = Symbol('NOTIFICATIONS_CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move: specs use it. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = at.getTime();
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
}
