import { DEFAULT_MAIL_RETRY_POLICY, mailRetryDelayMs, mailRetryPolicyFromEnv } from './mail-retry.policy.js';

const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('mail retry delay', () => {
  it('given the first failure, when the delay is drawn, then it lies in the upper half of the base window', () => {
    expect(mailRetryDelayMs(policy, 1, () => 0)).toBe(500);
    expect(mailRetryDelayMs(policy, 1, () => 1)).toBe(1_000);
  });

  it('given more failures, when the delay is drawn, then the window doubles each time until the cap', () => {
    const lows = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => mailRetryDelayMs(policy, n, () => 0));
    const highs = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => mailRetryDelayMs(policy, n, () => 1));
    expect(highs).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(lows).toEqual(highs.map((h) => h / 2));
  });

  it('given any failure count and any random draw, when the delay is drawn, then it stays within [window/2, window] and never above the cap', () => {
    for (const failures of [1, 2, 5, 10, 50, 1_000, 1_000_000]) {
      const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
      for (const r of [0, 0.001, 0.25, 0.5, 0.999, 1]) {
        const d = mailRetryDelayMs(policy, failures, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(window / 2));
        expect(d).toBeLessThanOrEqual(Math.min(window, policy.maxDelayMs));
        expect(Number.isFinite(d)).toBe(true);
      }
    }
  });

  it('given rows that failed together, when their delays are drawn with real randomness, then they spread out', () => {
    const delays = new Set(Array.from({ length: 50 }, () => mailRetryDelayMs(policy, 6)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('given a failure count below one, when a delay is asked for, then it is refused', () => {
    expect(() => mailRetryDelayMs(policy, 0)).toThrow(RangeError);
    expect(() => mailRetryDelayMs(policy, 1.5)).toThrow(RangeError);
  });
});

describe('mail retry policy from the environment', () => {
  it('given no variables, when read, then the defaults apply', () => {
    expect(mailRetryPolicyFromEnv({})).toEqual(DEFAULT_MAIL_RETRY_POLICY);
  });

  it('given both variables, when read, then they override the defaults', () => {
    expect(mailRetryPolicyFromEnv({ MAIL_RETRY_BASE_MS: '200', MAIL_RETRY_MAX_MS: '5000' })).toEqual({ baseDelayMs: 200, maxDelayMs: 5_000 });
  });

  it('given a bad or inverted value, when read, then it fails naming the variable', () => {
    expect(() => mailRetryPolicyFromEnv({ MAIL_RETRY_BASE_MS: 'soon' })).toThrow(/MAIL_RETRY_BASE_MS/);
    expect(() => mailRetryPolicyFromEnv({ MAIL_RETRY_BASE_MS: '2000', MAIL_RETRY_MAX_MS: '1000' })).toThrow(/MAIL_RETRY_MAX_MS/);
  });
});
