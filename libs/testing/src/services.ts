import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pgConfig } from './env.js';
import { waitFor } from './wait-for.js';

/** The repository root (this file is libs/testing/src/services.ts, or its dist copy). */
export const repoRoot = (): string => fileURLToPath(new URL('../../../', import.meta.url));

/** A TCP port nobody listens on right now, for a service started by a spec. */
/**
 * `count` distinct free ports: each listener stays open until all are chosen, so the OS cannot
 * hand one port to two services of a stack (freePort() called in a row may repeat a port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const KEEP_LINES = 200;

/**
 * Starts `node <script>` (a path relative to the repository root, usually a built
 * `apps/<x>/dist/main.js`) with the given environment on top of the current one. With
 * `logFile`, everything it writes is also appended there (whole, not only the last lines).
 */
export function startNodeProcess(name: string, script: string, env: Record<string, string>, logFile?: string): ServiceProcess {
  const lines: string[] = [];
  const child = spawn(process.execPath, [script], {
    cwd: repoRoot(),
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const collect = (chunk: Buffer) => {
    log?.write(chunk);
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (log) child.once('close', () => log.end());
  return {
    name,
    child,
    output: () => lines.join('\n'),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a one-shot script (e.g. a service's `dist/migrate.js`) and fails with its output unless it exits 0. */
export async function runNodeScript(name: string, script: string, env: Record<string, string>, timeoutMs = 60_000): Promise<void> {
  const proc = startNodeProcess(name, script, env);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => void proc.stop(0), timeoutMs);
    proc.child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${proc.output()}`);
}

/**
 * Starts a service and waits until `healthUrl` answers 2xx. If the process exits first or the
 * wait times out, it is stopped and the error carries its last output.
 */
export async function spawnService(
  name: string,
  script: string,
  env: Record<string, string>,
  healthUrl: string,
  timeoutMs = 60_000,
  logFile?: string,
): Promise<ServiceProcess> {
  const proc = startNodeProcess(name, script, env, logFile);
  try {
    await waitFor(
      async () => {
        if (proc.child.exitCode !== null) throw new Error(`${name} exited with ${proc.child.exitCode}`);
        const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
        return response?.ok === true;
      },
      { timeoutMs, intervalMs: 200, what: `${name} at ${healthUrl}` },
    );
    return proc;
  } catch (error) {
    await proc.stop(1_000);
    throw new Error(`${(error as Error).message}\n--- ${name} output ---\n${proc.output()}`);
  }
}

/** Drops a database a spec created (directly or through a service's migrate script). */
export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ ...pgConfig(), database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** POSTs a GraphQL operation; returns the parsed body whatever the status. */
export async function graphqlRequest<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}
