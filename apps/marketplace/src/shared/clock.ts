/**
 * Where the marketplace reads the time: handlers and the expiry scan ask the CLOCK provider
 * (the shared Clock of libs/platform), so tests can move time forward.
 */
export { ManualClock, systemClock, type Clock } from '@payforward/platform';

export const CLOCK = Symbol('CLOCK');
