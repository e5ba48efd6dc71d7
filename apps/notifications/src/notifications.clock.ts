/**
 * Where the notifications service reads the time: the reminder scheduler, the consumer (which
 * plans due times against "now"), quiet hours and digests ask the NOTIFICATIONS_CLOCK provider
 * (the shared Clock of libs/platform), so specs move time instead of waiting a day.
 */
export { ManualClock, systemClock, type Clock } from '@payforward/platform';

export const NOTIFICATIONS_CLOCK = Symbol('NOTIFICATIONS_CLOCK');
