import { pino } from 'pino';

/** pino's `(object, message)` signature, so a service passes its own logger and lines stay structured. */
export interface MailLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

let fallback: MailLogger | undefined;

/** A JSON logger on stdout for callers that pass none; LOG_LEVEL picks the level (default info). */
export function defaultMailLogger(): MailLogger {
  fallback ??= pino({ name: 'mail', level: process.env.LOG_LEVEL ?? 'info' });
  return fallback;
}
