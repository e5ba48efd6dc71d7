import { DEFAULT_RETRY_POLICY, RetriesExhausted, retryDelayMs, retryPolicyFromEnv, withRetries, type RetryRuntime } from './retry.policy.js';

class Conflict extends Error {}
const isConflict = (error: unknown) => error instanceof Conflict;

/** A runtime whose time moves only by the waits (plus `costMs` per attempt). */
const fakeRuntime = (costMs = 0, random = () => 0.5) => {
  let now = 0;
  const sleeps: number[] = [];
  const runtime: RetryRuntime = {
    now: () => (now += costMs),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random,
  };
  return { runtime, sleeps };
};

describe('retry policy', () => {
  it('defaults to 200 attempts, 20 s, and waits of 2 to 100 ms', () => {
    expect(retryPolicyFromEnv({})).toEqual({ maxAttempts: 200, maxElapsedMs: 20_000, baseDelayMs: 2, maxDelayMs: 100 });
  });

  it('takes WRITE_RETRY_* overrides and refuses values that are not whole numbers in range', () => {
    expect(retryPolicyFromEnv({ WRITE_RETRY_MAX_ATTEMPTS: '7', WRITE_RETRY_MAX_ELAPSED_MS: '500', WRITE_RETRY_BASE_DELAY_MS: '1', WRITE_RETRY_MAX_DELAY_MS: '9' })).toEqual({
      maxAttempts: 7,
      maxElapsedMs: 500,
      baseDelayMs: 1,
      maxDelayMs: 9,
    });
    expect(() => retryPolicyFromEnv({ WRITE_RETRY_MAX_ATTEMPTS: '0' })).toThrow(/WRITE_RETRY_MAX_ATTEMPTS/);
    expect(() => retryPolicyFromEnv({ WRITE_RETRY_MAX_ELAPSED_MS: 'soon' })).toThrow(/WRITE_RETRY_MAX_ELAPSED_MS/);
    expect(() => retryPolicyFromEnv({ WRITE_RETRY_BASE_DELAY_MS: '50', WRITE_RETRY_MAX_DELAY_MS: '10' })).toThrow(/WRITE_RETRY_MAX_DELAY_MS/);
  });

  it('waits a jittered time between base and max, the window doubling per attempt', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, () => 0)).toBe(2);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, () => 1)).toBe(4);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 3, () => 1)).toBe(16);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 60, () => 1)).toBe(100);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 60, () => 0)).toBe(2);
  });

  it('retries conflicts until the attempt succeeds', async () => {
    const { runtime, sleeps } = fakeRuntime();
    let calls = 0;
    const result = await withRetries(DEFAULT_RETRY_POLICY, isConflict, async () => {
      if (++calls < 4) throw new Conflict();
      return 'done';
    }, runtime);
    expect(result).toBe('done');
    expect(sleeps).toHaveLength(3);
  });

  it('rethrows anything that is not a conflict at once', async () => {
    const { runtime, sleeps } = fakeRuntime();
    const refusal = new Error('refused');
    await expect(withRetries(DEFAULT_RETRY_POLICY, isConflict, async () => Promise.reject(refusal), runtime)).rejects.toBe(refusal);
    expect(sleeps).toEqual([]);
  });

  it('stops at the attempt bound with the last conflict as cause', async () => {
    const { runtime } = fakeRuntime();
    let calls = 0;
    const last = new Conflict();
    const error = await withRetries({ ...DEFAULT_RETRY_POLICY, maxAttempts: 5 }, isConflict, async () => {
      calls++;
      throw calls === 5 ? last : new Conflict();
    }, runtime).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect(error).toMatchObject({ attempts: 5, cause: last });
    expect(calls).toBe(5);
  });

  it('stops at the time bound, however many attempts remain', async () => {
    // Each attempt costs 100 ms of the clock: 1 s allows about ten of them, far below 200.
    const { runtime } = fakeRuntime(100);
    let calls = 0;
    const error = await withRetries({ ...DEFAULT_RETRY_POLICY, maxElapsedMs: 1_000 }, isConflict, async () => {
      calls++;
      throw new Conflict();
    }, runtime).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(12);
    expect((error as RetriesExhausted).elapsedMs).toBeLessThanOrEqual(1_000);
  });
});
