import type pg from 'pg';

/** One dependency the service needs to do its work; `check` rejects when it is unusable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export const postgresCheck = (pool: pg.Pool): ReadinessCheck => ({
  name: 'postgres',
  check: () => pool.query('SELECT 1'),
});

/** Bounds a check, so a hung dependency makes readiness fail instead of hang. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
