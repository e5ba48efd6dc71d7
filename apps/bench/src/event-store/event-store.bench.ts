// The event-store benchmark: each contender appends in its own child process against its own
// scratch database on the real server; rounds alternate the contenders' order (A B C, B C A,
// …) so drift in the machine's load spreads over all of them; figures are medians.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BenchRow } from '../bench-row.js';
import { connectionString, type ContenderResult } from './contender.runner.js';

interface Group {
  name: string;
  writers: number;
  eventsPerAppend: number;
  contenders: string[];
  /** Targets printed beside the ratios, where the issue sets them. */
  targets?: { emmett: number; raw: number };
}

const GROUPS: Group[] = [
  { name: 'append 1 event, 1 writer', writers: 1, eventsPerAppend: 1, contenders: ['payforward', 'emmett', 'raw-pg'] },
  { name: 'append 1 event, 4 writers', writers: 4, eventsPerAppend: 1, contenders: ['payforward', 'emmett', 'raw-pg'] },
  {
    name: 'append 1 event, 16 writers',
    writers: 16,
    eventsPerAppend: 1,
    contenders: ['payforward', 'emmett', 'raw-pg'],
    targets: { emmett: 2, raw: 0.8 },
  },
  { name: 'append 50 events, 16 writers', writers: 16, eventsPerAppend: 50, contenders: ['payforward', 'emmett', 'raw-multirow'] },
];

export async function runEventStoreBench(opts: {
  rounds: number;
  seconds: number;
  progress: (msg: string) => void;
}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const group of GROUPS) {
    const samples = new Map<string, number[]>(group.contenders.map((c) => [c, []]));
    for (let round = 0; round < opts.rounds; round++) {
      for (const contender of rotate(group.contenders, round)) {
        const result = await runOnce(contender, group, opts.seconds);
        samples.get(contender)!.push(result.eventsPerSec);
        opts.progress(`${group.name} · round ${round + 1}/${opts.rounds} · ${contender}: ${Math.round(result.eventsPerSec)} events/s`);
      }
    }
    rows.push(...groupRows(group, samples));
  }
  return rows;
}

function groupRows(group: Group, samples: Map<string, number[]>): BenchRow[] {
  const medians = new Map([...samples].map(([c, s]) => [c, median(s)]));
  const ours = medians.get('payforward')!;
  const [, emmett, raw] = group.contenders.map((c) => medians.get(c)!);
  const rawName = group.contenders[2]!;
  const versus = (value: number, name: string, target?: number) =>
    `${(ours / value).toFixed(2)}× ${name}${target === undefined ? '' : ` (target ≥ ${target})`}`;
  return group.contenders.map((contender) => ({
    group: group.name,
    contender,
    median: medians.get(contender)!,
    unit: 'events/s',
    ...(contender === 'payforward'
      ? { ratio: `${versus(emmett!, 'emmett', group.targets?.emmett)}, ${versus(raw!, rawName, group.targets?.raw)}` }
      : {}),
  }));
}

/** One contender, one round: a fresh database, a child process, then the database is dropped. */
async function runOnce(contender: string, group: Group, seconds: number): Promise<ContenderResult> {
  const db = `pf_bench_es_${contender.replace(/-/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE "${db}"`);
  try {
    const script = fileURLToPath(new URL(`./${contender}.js`, import.meta.url));
    const args = ['--writers', String(group.writers), '--seconds', String(seconds), '--events-per-append', String(group.eventsPerAppend), '--db', db];
    const stdout = await runChild(script, args, (seconds + 120) * 1000);
    const line = stdout.trim().split('\n').pop() ?? '';
    return JSON.parse(line) as ContenderResult;
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
}

function runChild(script: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} ${args.join(' ')} exited with ${code ?? signal}: ${stderr.slice(-2000)}`));
    });
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: connectionString('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const rotate = <T>(items: T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
