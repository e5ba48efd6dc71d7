/**
 * The one retry policy for version conflicts on the write side (ADR 013). A conflict means
 * another writer moved a stream between our read and our append: the whole attempt runs
 * again from the read, so the decision is made on fresh state. The bound is both a count and
 * a time, whichever comes first; the wait between attempts is jittered so racing writers
 * spread out instead of colliding again in lockstep.
 */
export interface RetryPolicy {
  /** Attempts in all (1 = no retry). */
  maxAttempts: number;
  /** No new attempt starts once this long has passed since the first one began. */
  maxElapsedMs: number;
  /** The shortest wait between attempts. */
  baseDelayMs: number;
  /** The longest wait between attempts; the window doubles from base up to it. */
  maxDelayMs: number;
}

/**
 * Sized for the worst contention we promise to handle: 100 concurrent accepts on one
 * capacity ledger, split over two instances. Each round one writer wins the ledger's next
 * version and a full ledger refuses the rest without writing, so real runs need far fewer;
 * the bounds only stop a livelock.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 200, maxElapsedMs: 20_000, baseDelayMs: 2, maxDelayMs: 100 });

/** The environment variables that override the defaults (README "Configuration"). */
export const RETRY_POLICY_ENV = {
  maxAttempts: 'WRITE_RETRY_MAX_ATTEMPTS',
  maxElapsedMs: 'WRITE_RETRY_MAX_ELAPSED_MS',
  baseDelayMs: 'WRITE_RETRY_BASE_DELAY_MS',
  maxDelayMs: 'WRITE_RETRY_MAX_DELAY_MS',
} as const satisfies Record<keyof RetryPolicy, string>;

/** The policy with any WRITE_RETRY_* overrides; a value that is not a whole number (>= 1 for attempts, >= 0 else) fails the boot. */
export function retryPolicyFromEnv(env: Record<string, string | undefined>, defaults: RetryPolicy = DEFAULT_RETRY_POLICY): RetryPolicy {
  const policy = { ...defaults };
  for (const key of Object.keys(RETRY_POLICY_ENV) as (keyof RetryPolicy)[]) {
    const name = RETRY_POLICY_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    const min = key === 'maxAttempts' ? 1 : 0;
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number >= ${min}, got "${raw}"`);
    policy[key] = value;
  }
  if (policy.maxDelayMs < policy.baseDelayMs) {
    throw new RangeError(`${RETRY_POLICY_ENV.maxDelayMs} (${policy.maxDelayMs}) must not be below ${RETRY_POLICY_ENV.baseDelayMs} (${policy.baseDelayMs})`);
  }
  return policy;
}

/** Full jitter over a window that doubles from base to max: a wait in [base, min(max, base * 2^attempt)]. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
  return policy.baseDelayMs + random() * (window - policy.baseDelayMs);
}

/** Why retrying stopped: the caller turns it into its one conflict error. */
export class RetriesExhausted extends Error {
  override readonly name = 'RetriesExhausted';

  constructor(
    readonly attempts: number,
    readonly elapsedMs: number,
    /** The last retryable error. */
    override readonly cause: unknown,
  ) {
    super(`gave up after ${attempts} attempts in ${elapsedMs} ms`);
  }
}

export interface RetryRuntime {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

const realRuntime: RetryRuntime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `attempt` until it returns, throws an error `retryable` rejects (rethrown as is), or
 * the policy's bounds are spent (RetriesExhausted, carrying the last conflict).
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  retryable: (error: unknown) => boolean,
  attempt: (n: number) => Promise<T>,
  runtime: RetryRuntime = realRuntime,
): Promise<T> {
  const started = runtime.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!retryable(error)) throw error;
      const delay = retryDelayMs(policy, n, runtime.random);
      const elapsed = runtime.now() - started;
      // Do not sleep past the time bound only to give up afterwards.
      if (n >= policy.maxAttempts || elapsed + delay > policy.maxElapsedMs) throw new RetriesExhausted(n, elapsed, error);
      await runtime.sleep(delay);
    }
  }
}
