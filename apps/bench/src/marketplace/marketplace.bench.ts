// The marketplace benchmark.
//
// 1. The cost of the API path: requestHelp + acceptRequest at 16 concurrent clients through the
//    gateway vs the same commands sent to the marketplace module's CommandBus in one process.
//    The gateway contender runs against a stack of child processes: identity, reputation and the
//    gateway from their builds (libs/testing's startStack, fresh databases, own consumer groups)
//    and the marketplace subgraph as the benchmark's service entry (marketplace.service.ts: the
//    service's module, publishing to scratch topics); the load generator is a process of its own.
//    Rounds alternate which contender goes first; both write to databases on the same server.
// 2. The capacity race, in-process: 100 requests on an offer of capacity 3, all accepted at once;
//    accepts decided (accepted or refused) per second, and how many got through (must be 3).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { TOPICS } from '@payforward/contracts';
import { ensureTopics, kafkaBrokersFromEnv } from '@payforward/messaging';
import {
  deleteKafkaResources,
  dropDatabase,
  freePort,
  runNodeScript,
  spawnService,
  startStack,
  uniqueSuffix,
  type ServiceProcess,
  type Stack,
} from '@payforward/testing';
import { median, runChild } from '../child-process.js';
import type { BenchRow } from '../bench-row.js';
import type { PairsResult, RaceResult } from './marketplace.workload.js';

type Contender = 'gateway' | 'in-process';

const CLIENTS = 16;
const WARMUP_SECONDS = 1;
const RACE = { requests: 100, capacity: 3 };
const PAIRS_GROUP = `marketplace: requestHelp + acceptRequest, ${CLIENTS} clients`;
const RACE_GROUP = 'marketplace: capacity race';
const MARKETPLACE_TOPICS = [TOPICS.marketplaceOffer, TOPICS.marketplaceAvailability, TOPICS.marketplaceHelpRequest, TOPICS.marketplaceRelationship];

const script = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

export async function runMarketplaceBench(opts: { rounds: number; seconds: number; progress(m: string): void }): Promise<BenchRow[]> {
  const suffix = uniqueSuffix();
  const databases = { gateway: `pf_bench_marketplace_gw_${suffix}`, inProcess: `pf_bench_marketplace_ip_${suffix}` };
  const topicPrefix = `bench.${suffix}`;
  const topics = MARKETPLACE_TOPICS.map((t) => `${topicPrefix}.${t}`);
  const raceOffers = Math.max(3, Math.round(opts.seconds * 2.5));
  const pairs: Record<Contender, PairsResult[]> = { gateway: [], 'in-process': [] };
  const races: RaceResult[] = [];
  let stack: Stack | undefined;
  let marketplace: ServiceProcess | undefined;
  try {
    const idle0 = machineTicks();
    await new Promise((r) => setTimeout(r, 1_000));
    const idle1 = machineTicks();
    const busyBefore = (idle1.busy - idle0.busy) / (idle1.total - idle0.total || 1);
    if (busyBefore > 0.25) opts.progress(`warning: the machine is already ${pct(busyBefore)} busy before this group starts; its figures will be noisy`);

    const t0 = Date.now();
    opts.progress('starting the stack (identity, reputation, gateway; the marketplace subgraph with scratch topics) on fresh databases …');
    const migrate = (database: string) => runNodeScript(`marketplace migrate ${database}`, 'apps/marketplace/dist/migrate.js', { MARKETPLACE_DATABASE: database, LOG_LEVEL: 'warn' });
    await Promise.all([migrate(databases.gateway), migrate(databases.inProcess)]);
    await ensureTopics(kafkaBrokersFromEnv(), topics.map((name) => ({ name, partitions: 3 })));
    const jwtSecret = randomBytes(32).toString('base64url');
    const port = await freePort();
    marketplace = await spawnService(
      'marketplace',
      script('marketplace.service.js'),
      { HOST: '127.0.0.1', LOG_LEVEL: 'warn', MARKETPLACE_PORT: String(port), MARKETPLACE_DATABASE: databases.gateway, JWT_SECRET: jwtSecret, BENCH_TOPIC_PREFIX: topicPrefix },
      `http://127.0.0.1:${port}/health`,
      120_000,
    );
    // The gateway composes the benchmark's marketplace (MARKETPLACE_URL); the stack's own one is stopped once the gateway is up.
    stack = await startStack({ env: { JWT_SECRET: jwtSecret, MARKETPLACE_URL: `http://127.0.0.1:${port}/graphql` } });
    await Promise.all(stack.services.filter((s) => s.name === 'marketplace').map((s) => s.stop()));
    const services = [...stack.services.filter((s) => s.name !== 'marketplace'), marketplace];
    opts.progress(`stack up, databases migrated (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    const inProcessEnv = { BENCH_DATABASE: databases.inProcess, BENCH_TOPIC_PREFIX: topicPrefix };
    for (let round = 0; round < opts.rounds; round++) {
      const order: Contender[] = round % 2 === 0 ? ['gateway', 'in-process'] : ['in-process', 'gateway'];
      for (const contender of order) {
        await quiesce(services, round === 0 && contender === order[0] ? 90_000 : 15_000, opts.progress);
        const common = { BENCH_CLIENTS: String(CLIENTS), BENCH_SECONDS: String(opts.seconds), BENCH_WARMUP: String(WARMUP_SECONDS) };
        let cpu = '';
        const result = await runPairsRound(stack, services, contender, { ...common, ...(contender === 'in-process' ? inProcessEnv : {}) }, (c) => (cpu = c));
        pairs[contender].push(result);
        opts.progress(
          `requestHelp+accept · round ${round + 1}/${opts.rounds} · ${contender}: ${Math.round(result.pairsPerSec)} pairs/s, ` +
            `p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms per pair · CPU (of one core): ${cpu}` +
            (result.topUps ? ` · ${result.topUps} offers topped up` : ''),
        );
      }
    }

    for (let round = 0; round < opts.rounds; round++) {
      const race = await runChild<RaceResult>(script('marketplace.in-process.js'), ['race'], {
        ...inProcessEnv,
        BENCH_RACE_OFFERS: String(raceOffers),
        BENCH_RACE_REQUESTS: String(RACE.requests),
        BENCH_RACE_CAPACITY: String(RACE.capacity),
      });
      races.push(race);
      opts.progress(
        `capacity race · round ${round + 1}/${opts.rounds}: ${Math.round(race.decisionsPerSec)} accepts decided/s ` +
          `(${race.offers} offers × ${race.requests}; accepted per offer ${race.accepted.join(',')}, in the database ${race.acceptedInDatabase.join(',')}; ` +
          `refused ${race.refused}, other ${race.other}${race.firstOther ? ` e.g. ${race.firstOther}` : ''})`,
      );
    }
  } finally {
    await marketplace?.stop().catch((error: unknown) => opts.progress(`stopping the marketplace failed: ${String(error)}`));
    await stack?.stop().catch((error: unknown) => opts.progress(`stopping the stack failed: ${String(error)}`));
    for (const database of Object.values(databases)) {
      await dropDatabase(database).catch((error: unknown) => opts.progress(`dropping ${database} failed: ${String(error)}`));
    }
    await deleteKafkaResources({ topics }).catch((error: unknown) => opts.progress(`deleting ${topicPrefix}.* failed: ${String(error)}`));
  }
  return [...pairRows(pairs), raceRow(races)];
}

function pairRows(pairs: Record<Contender, PairsResult[]>): BenchRow[] {
  const gw = median(pairs.gateway.map((r) => r.pairsPerSec));
  const ip = median(pairs['in-process'].map((r) => r.pairsPerSec));
  const p50 = (c: Contender) => median(pairs[c].map((r) => r.p50Ms)).toFixed(1);
  return [
    {
      group: PAIRS_GROUP,
      contender: 'through the gateway (HTTP POST /graphql, bearer token → gateway → marketplace subgraph)',
      median: gw,
      unit: 'pairs/s',
      ratio: `${(gw / ip).toFixed(2)}× in-process (p50 ${p50('gateway')} ms vs ${p50('in-process')} ms per pair)`,
    },
    {
      group: PAIRS_GROUP,
      contender: 'in-process CommandBus.execute (same module, same command objects)',
      median: ip,
      unit: 'pairs/s',
      ratio: '1.00×',
    },
  ];
}

function raceRow(races: RaceResult[]): BenchRow {
  const offers = races.reduce((n, r) => n + r.offers, 0);
  const exact = races.reduce((n, r) => n + r.accepted.filter((a, i) => a === r.capacity && r.acceptedInDatabase[i] === r.capacity).length, 0);
  const other = races.reduce((n, r) => n + r.other, 0);
  const sane = exact === offers && other === 0;
  return {
    group: RACE_GROUP,
    contender: `in-process: ${RACE.requests} concurrent accepts per offer of capacity ${RACE.capacity} (${races[0]?.offers ?? 0} offers per round)`,
    median: median(races.map((r) => r.decisionsPerSec)),
    unit: 'accepts decided/s',
    ratio: sane
      ? `sanity ✓ accepted = ${RACE.capacity} on ${exact}/${offers} offers (results and database agree), the rest CAPACITY_EXHAUSTED`
      : `sanity ✗ accepted = ${RACE.capacity} on only ${exact}/${offers} offers, ${other} other outcomes`,
  };
}

/**
 * One round of one contender in its own process (for the gateway: the load generator, against
 * the running stack). Over the measured window it samples the CPU of every process involved
 * and of the whole machine, so a reader can see where the time went on this box.
 */
async function runPairsRound(stack: Stack, services: ServiceProcess[], contender: Contender, env: Record<string, string>, cpuReport: (line: string) => void): Promise<PairsResult> {
  const gateway = contender === 'gateway';
  const procs = (childPid: number | undefined) => [
    ...(gateway ? services.map((s) => ({ name: s.name, pid: s.child.pid })) : []),
    { name: gateway ? 'load generator' : 'in-process', pid: childPid },
  ];
  let before = new Map<string, number>();
  let machine0 = machineTicks();
  let t0 = 0;
  return runChild<PairsResult>(
    script(gateway ? 'marketplace.gateway-load.js' : 'marketplace.in-process.js'),
    gateway ? [] : ['pairs'],
    gateway ? { ...env, BENCH_GRAPHQL_URL: stack.graphqlUrl, BENCH_JWT_SECRET: stack.env.JWT_SECRET! } : env,
    (phase, _detail, pid) => {
      const sample = new Map(procs(pid).map((p) => [p.name, cpuSeconds(p.pid)]));
      if (phase === 'measuring') {
        before = sample;
        machine0 = machineTicks();
        t0 = performance.now();
        return;
      }
      const seconds = (performance.now() - t0) / 1000;
      const machine1 = machineTicks();
      const busy = machine1.total > machine0.total ? (machine1.busy - machine0.busy) / (machine1.total - machine0.total) : NaN;
      const parts = [...sample].map(([name, s]) => `${name} ${pct((s - before.get(name)!) / seconds)}`);
      cpuReport(`${parts.join(', ')}; machine ${pct(busy)} busy of ${cpus().length} cores`);
    },
  );
}

/** Busy and total CPU ticks of the whole machine (/proc/stat; zeros elsewhere). */
function machineTicks(): { busy: number; total: number } {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - ticks[3]! - ticks[4]!, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * Waits until the stack's services are idle (under 5% of a core over 300 ms) — the relay drained,
 * the consumers caught up — so no round inherits the last one's backlog. A fresh stack's consumer
 * groups start at the beginning of the shared topics, so the first wait can be long.
 */
async function quiesce(services: ServiceProcess[], timeoutMs: number, progress: (m: string) => void): Promise<void> {
  const pids = services.map((s) => s.child.pid);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const a = pids.reduce<number>((n, pid) => n + cpuSeconds(pid), 0);
    await new Promise((r) => setTimeout(r, 300));
    const b = pids.reduce<number>((n, pid) => n + cpuSeconds(pid), 0);
    if ((b - a) / 0.3 < 0.05) {
      if (Date.now() - started > 2_000) progress(`stack idle after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
  }
  progress(`stack still busy after ${timeoutMs / 1000} s; measuring anyway`);
}

/** User + system CPU seconds of a process so far (Linux /proc; 0 elsewhere, which only skips the figures). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return 0;
  }
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

