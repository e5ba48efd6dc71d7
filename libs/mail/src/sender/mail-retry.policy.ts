/**
 * When a mail that could not be handed over is tried again. Transient failures (SMTP down,
 * 4xx) are retried without limit: losing a mail is worse than delivering it late, and the
 * outbox counts show a growing `retrying` figure long before anyone misses a mail.
 */
export interface MailRetryPolicy {
  /** The wait after the first failure. */
  baseDelayMs: number;
  /** The longest wait; the window doubles from base up to it. */
  maxDelayMs: number;
}

export const DEFAULT_MAIL_RETRY_POLICY: MailRetryPolicy = Object.freeze({ baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 });

/**
 * The wait before attempt `failures + 1`, after `failures` (>= 1) failed attempts: a window of
 * base * 2^(failures-1), capped at max, of which the upper half is chosen at random ("equal
 * jitter"). Half the window is fixed so a retry never comes back at once; the random half
 * spreads rows that failed together (SMTP went down) so they do not all return in one burst.
 */
export function mailRetryDelayMs(policy: MailRetryPolicy, failures: number, random: () => number = Math.random): number {
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures must be a whole number >= 1, got ${failures}`);
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(failures - 1, 40));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(window / 2 + r * (window / 2));
}

/** MAIL_RETRY_BASE_MS / MAIL_RETRY_MAX_MS over the defaults; a bad value fails the boot. */
export function mailRetryPolicyFromEnv(env: Record<string, string | undefined>, defaults: MailRetryPolicy = DEFAULT_MAIL_RETRY_POLICY): MailRetryPolicy {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number >= 1, got "${raw}"`);
    return value;
  };
  const policy = { baseDelayMs: read('MAIL_RETRY_BASE_MS', defaults.baseDelayMs), maxDelayMs: read('MAIL_RETRY_MAX_MS', defaults.maxDelayMs) };
  if (policy.maxDelayMs < policy.baseDelayMs) throw new RangeError(`MAIL_RETRY_MAX_MS (${policy.maxDelayMs}) must not be below MAIL_RETRY_BASE_MS (${policy.baseDelayMs})`);
  return policy;
}
