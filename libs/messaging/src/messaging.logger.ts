import { pino } from 'pino';

/**
 * The logging surface the messaging lib needs: pino's `(object, message)` signature, so a
 * service passes its own pino logger (or a child of it) and every line stays structured JSON.
 */
export interface MessagingLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

let fallback: MessagingLogger | undefined;

/** A JSON logger on stdout for callers that pass none; LOG_LEVEL picks the level (default info). */
export function defaultMessagingLogger(): MessagingLogger {
  fallback ??= pino({ name: 'messaging', level: process.env.LOG_LEVEL ?? 'info' });
  return fallback;
}

/** An error as loggable fields (pino serializes `err`, but plain loggers may not). */
export const errorFields = (error: unknown): { err: { name?: string; message: string; code?: string } } => {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) } };
  }
  return { err: { message: String(error) } };
};
