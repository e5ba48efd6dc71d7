/**
 * Which failures are worth retrying forever (the world will heal: the database comes back,
 * the deadlock victim retries) and which are bugs or bad events (retrying changes nothing,
 * so after a few attempts the message goes to the dead-letter topic).
 */

/** Thrown by handlers to ask for a retry explicitly, e.g. "the row I depend on is not there yet". */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

/** SQLSTATEs: serialization failure, deadlock, lock timeout, server shutting down or starting, too many connections. */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300', '53400']);
/** Class 08 = connection exception. */
const TRANSIENT_SQLSTATE_CLASSES = ['08'];

const TRANSIENT_SYSCALL_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED',
]);

/** node-postgres reports a lost or unusable connection with plain Errors carrying these messages. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /connection error/i,
  /terminating connection/i,
  /query read timeout/i,
];

export function isTransientError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error instanceof TransientError) return true;
  const { code, retriable, cause } = error as { code?: unknown; retriable?: unknown; cause?: unknown };
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SYSCALL_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
  }
  // kafkajs marks its own errors; a broker that is away is retriable.
  if (error.name.startsWith('KafkaJS') && retriable === true) return true;
  if (error.name === 'KafkaJSNumberOfRetriesExceeded' || error.name === 'KafkaJSConnectionError') return true;
  if (TRANSIENT_MESSAGES.some((re) => re.test(error.message))) return true;
  return isTransientError(cause, depth + 1);
}
