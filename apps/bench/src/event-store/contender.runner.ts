// The shared harness of every event-store contender: parses the command line, runs one
// append loop per writer (one stream each) on a pool of that many connections, and prints
// ONE JSON line. Each contender runs in its own process, so none shares a heap or a JIT.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';

export interface ContenderArgs {
  writers: number;
  seconds: number;
  eventsPerAppend: number;
  db: string;
  /** Seconds of appends before measuring: connections open, statements prepared, JIT warm. */
  warmup: number;
}

export interface ContenderResult {
  contender: string;
  writers: number;
  eventsPerAppend: number;
  events: number;
  seconds: number;
  eventsPerSec: number;
}

/** One writer's append of `eventsPerAppend` events at `expectedVersion` (the version it last wrote). */
export type AppendFn = (streamId: string, expectedVersion: number) => Promise<void>;

export function parseContenderArgs(argv = process.argv.slice(2)): ContenderArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      writers: { type: 'string', default: '1' },
      seconds: { type: 'string', default: '3' },
      'events-per-append': { type: 'string', default: '1' },
      db: { type: 'string' },
      warmup: { type: 'string', default: '0.5' },
    },
  });
  if (!values.db) throw new Error('--db <database> is required');
  return {
    writers: Number(values.writers),
    seconds: Number(values.seconds),
    eventsPerAppend: Number(values['events-per-append']),
    db: values.db,
    warmup: Number(values.warmup),
  };
}

export const connectionString = (db: string): string => {
  const user = process.env.PGUSER ?? 'postgres';
  const password = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? 5432}/${db}`;
};

/** A MemberRegistered payload of about 300 bytes of JSON, like the real thing. */
export function memberData(): Record<string, unknown> {
  const memberId = uuidv7();
  return {
    memberId,
    email: `member-${memberId.slice(-12)}@example.com`,
    displayName: 'Dana Quinn-Okafor',
    headline: 'Staff engineer, payments infrastructure; happy to review résumés',
    timezone: 'Europe/Berlin',
    roles: ['MEMBER'],
  };
}

export const benchMetadata = () => ({ actor: 'system:bench', correlationId: uuidv7(), causationId: null });

/**
 * Runs `writers` loops of appends until warm-up + measured time is over and prints the
 * result line. Events are counted only when an append completes inside the measured window.
 */
export async function runContender(contender: string, args: ContenderArgs, append: AppendFn): Promise<ContenderResult> {
  let measuring = false;
  let stop = false;
  let events = 0;
  const runId = uuidv7();

  const writer = async (w: number): Promise<void> => {
    const streamId = `member-${runId}-${w}`;
    for (let version = 0; !stop; version += args.eventsPerAppend) {
      await append(streamId, version);
      if (measuring && !stop) events += args.eventsPerAppend;
    }
  };

  const loops = Array.from({ length: args.writers }, (_, w) => writer(w));
  await sleep(args.warmup * 1000);
  measuring = true;
  const started = performance.now();
  await sleep(args.seconds * 1000);
  stop = true;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(loops);

  const result = { contender, writers: args.writers, eventsPerAppend: args.eventsPerAppend, events, seconds, eventsPerSec: events / seconds };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
