// What the reputation benchmark's processes share: the orchestrator runs each contender in a
// child process (its own heap and JIT) that prints {"phase"} and one {"result"} JSON line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runNodeScript } from '@payforward/testing';

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

/** Runs one contender process; `onPhase` hears its {"phase"} lines; resolves with its {"result"}. */
export function runChild<T>(name: string, args: string[], childEnv: Record<string, string>, onPhase?: (phase: string, detail: Record<string, unknown>) => void, timeoutMs = 600_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script(name), ...args], { env: { ...process.env, NODE_OPTIONS: '', ...childEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let result: T | undefined;
    let pending = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line) as { phase?: string; result?: T };
        if (message.phase) onPhase?.(message.phase, message as Record<string, unknown>);
        if (message.result) result = message.result;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`${name} ${args.join(' ')} exited with ${code ?? signal}${result ? '' : ' without a result'}: ${stderr}`));
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The q-quantile (0–1) of a sample, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
