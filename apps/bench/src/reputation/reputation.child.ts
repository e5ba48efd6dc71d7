// What the reputation benchmark's processes share: the orchestrator runs each contender in a
// child process (its own heap and JIT) that prints {"phase"} and one {"result"} JSON line.
import { fileURLToPath } from 'node:url';
import { runNodeScript } from '@payforward/testing';
import { median, runChild as runChildProcess, type PhaseListener } from '../child-process.js';

export const script = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

export const print = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

export function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

/** The topics the reputation consumer reads; the benchmark's own, created per run. */
export interface BenchTopics {
  identity: string;
  helpRequest: string;
  admin: string;
}

export const benchTopics = (prefix: string): BenchTopics => ({
  identity: `${prefix}.identity.member.v1`,
  helpRequest: `${prefix}.marketplace.help-request.v1`,
  admin: `${prefix}.reputation.admin.v1`,
});

/** The topics' names as the benchmark's processes pass them around (one env variable). */
export const topicsFromEnv = (): BenchTopics => JSON.parse(process.env.BENCH_TOPICS ?? '') as BenchTopics;

/** A fresh reputation database with the service's migrations, by its own migrate script. */
export const migrateReputation = (database: string): Promise<void> =>
  runNodeScript(`reputation migrate ${database}`, 'apps/reputation/dist/migrate.js', { REPUTATION_DATABASE: database, LOG_LEVEL: 'warn' }, 120_000);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `done` every `intervalMs` until it holds; throws after `timeoutMs` with what it waited for. */
export async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs: number, intervalMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Runs one of this folder's contender scripts (see ../child-process.ts). */
export const runChild = <T>(name: string, args: string[], childEnv: Record<string, string>, onPhase?: PhaseListener, timeoutMs = 600_000): Promise<T> =>
  runChildProcess<T>(script(name), args, childEnv, onPhase, timeoutMs);

export { median };

/** The q-quantile (0–1) of a sample, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
