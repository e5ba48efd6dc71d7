/** Exponential backoff with jitter, bounded per attempt; callers decide when to give up (usually never). */
export class Backoff {
  private current: number;

  constructor(
    private readonly initialMs = 100,
    private readonly maxMs = 5_000,
  ) {
    this.current = initialMs;
  }

  /** The next delay: doubles each time up to `maxMs`, ±20% jitter so instances do not retry in lockstep. */
  next(): number {
    const base = this.current;
    this.current = Math.min(this.current * 2, this.maxMs);
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  reset(): void {
    this.current = this.initialMs;
  }
}

/** Sleeps `ms`, or less when `signal` aborts (resolves either way: stopping is not an error). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Rejects with a TimeoutError when `promise` has not settled after `ms`. The operation itself
 * keeps running (kafkajs calls cannot be cancelled): callers discard the client it used.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
