/**
 * Whether a failed hand-over is worth retrying. Only a definite 5xx refusal of this message
 * (its envelope or content) is permanent. Everything else is retried: no reply at all
 * (connection refused/reset/timed out, DNS), a 4xx ("try later"), and failures that are
 * about our configuration or the server rather than the message (authentication, TLS) —
 * those are fixed by an operator, after which the waiting mails must still go out.
 */
export type SmtpFailureKind = 'transient' | 'permanent';

/** Nodemailer's codes for failures of the connection or of our setup, never of one message. */
const SETUP_OR_CONNECTION_CODES = new Set([
  'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EREQUIRETLS', 'EPROTOCOL', 'EAUTH', 'ENOAUTH', 'EOAUTH2',
  'EMAXLIMIT', 'EPROXY', 'ECONFIG', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
]);

export function classifySmtpFailure(error: unknown): SmtpFailureKind {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && SETUP_OR_CONNECTION_CODES.has(code)) return 'transient';
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (reply !== undefined && reply >= 500 && reply < 600) return 'permanent';
  return 'transient';
}

/** True when the failure says nothing about this message, only that the server cannot be reached now. */
export function isConnectionFailure(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return typeof e.code === 'string' && SETUP_OR_CONNECTION_CODES.has(e.code) && typeof e.responseCode !== 'number';
}

/** One line for `last_error`: the server's reply when there is one, and never unbounded. */
export function describeSmtpFailure(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const parts = [
    typeof e.responseCode === 'number' ? String(e.responseCode) : undefined,
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error),
  ].filter((p): p is string => p !== undefined);
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, 1_000);
}
