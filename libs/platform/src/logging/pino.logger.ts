import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * Personal data never reaches a log line (ADR 010): logs are copied and kept outside any
 * erasure. Code logs ids, not people; these paths catch a field that slips in anyway, and
 * PostgreSQL's error `detail` ("Key (email)=(…) already exists") on logged errors.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  ...['email', 'displayName', 'headline', 'password', 'variables', 'input'].flatMap((field) => [field, `*.${field}`]),
  // Event data, logged by mistake: every personal field of the catalog (libs/contracts personal-data.ts).
  ...['email', 'displayName', 'headline', 'title', 'description', 'message', 'goal', 'note', 'statement', 'context', 'reason'].flatMap((field) => [
    `data.${field}`,
    `*.data.${field}`,
  ]),
  'err.detail',
  '*.err.detail',
];

/** One JSON line per entry on stdout, with the service name on every line. */
export function createLogger(service: string, level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
  });
}

const LEVELS: Record<LogLevel, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Nest's LoggerService on top of pino (nestjs-pino needs Node 22). Nest passes the context
 * (the class name) as the last string argument and, for errors, a stack before it.
 */
export class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]) {
    const fields: Record<string, unknown> = {};
    const args = [...rest];
    if (args.length > 0 && typeof args[args.length - 1] === 'string') fields.context = args.pop();
    if (level === 'error' && typeof args[0] === 'string' && args[0].includes('\n    at ')) fields.stack = args.shift();
    if (args.length > 0) fields.details = args;
    const target = this.pino[LEVELS[level]].bind(this.pino);
    if (message instanceof Error) target({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) target({ ...fields, ...(message as object) });
    else target(fields, String(message));
  }
}

/** DI token of the service's pino logger, for components that log structured fields themselves. */
export const LOGGER = Symbol('LOGGER');
