// The lag benchmark's marketplace side, as the real services write: help-request lifecycle
// commands appended to the event store (one event + its outbox row per append, with the
// stream's expected version), published by the OutboxRelay running in this process with the
// services' settings. The reputation service (another process) consumes them.
//
// 1. Append rate: `BENCH_WRITERS` writers append the command mix flat out for `BENCH_SECONDS`
//    (the relay not running yet; those outbox rows are then discarded, never published).
// 2. Members are registered (identity's events) and the relay starts; once the projection has
//    applied every registration, two steady open-loop loads run for `BENCH_SECONDS` each after
//    1 s of warm-up: a trickle (the pipeline's floor, no backlog), then half the measured append
//    rate. Lag = from the append's commit (the append call returning) to the reputation
//    database's commit of the event's read-model change: a trigger on processed_events
//    NOTIFYs, and PostgreSQL delivers a notification only at commit.
//
//   env: BENCH_MARKET_DATABASE, BENCH_REPUTATION_DATABASE, BENCH_TOPICS, BENCH_SECONDS, BENCH_WRITERS, BENCH_MEMBERS,
//        BENCH_RELAY_POLL_MS (optional), KAFKA_BROKERS, PG*
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { PostgresEventStore, type NewEvent } from '@payforward/event-store';
import { kafkaBrokersFromEnv, OutboxRelay } from '@payforward/messaging';
import { pgSettings } from '@payforward/platform';
import { env, print, quantile, sleep, topicsFromEnv, until } from './reputation.child.js';
import { members, pairPicker, planRequest, seededRng, type RequestPlan } from './reputation.workload.js';

/** One steady load: what was offered and made, and the lag of every append made in the measured window. */
export interface SteadyStats {
  targetRate: number;
  achievedRate: number;
  /** Events the projection committed per second during the measured window (any, including older ones). */
  appliedRate: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same for the events that move the ledger (completions, feedback, no-shows, vouches …). */
  inputsP50Ms: number;
  inputsP99Ms: number;
  /** Appends not applied within 60 s after the load stopped. */
  unresolved: number;
}

export interface LagResult {
  writers: number;
  appendRate: number;
  /** A trickle first: the pipeline's floor (relay poll, fetch, one transaction), with no backlog. */
  trickle: SteadyStats;
  /** Half the measured append rate: the load. */
  half: SteadyStats;
}

/** Appends per second of the trickle load. */
export const TRICKLE_RATE = 20;

const INPUT_TYPES = new Set(['HelpRequestCompleted', 'FeedbackLeft', 'NoShowReported', 'ReferralVouched', 'ReferralOutcomeReported', 'IntroConsented']);
const topics = topicsFromEnv();
const seconds = Number(env('BENCH_SECONDS'));
const writers = Number(env('BENCH_WRITERS', '16'));
const marketDb = pgSettings(env('BENCH_MARKET_DATABASE'));
const pool = new pg.Pool({ ...marketDb, max: writers + 2 });
const store = new PostgresEventStore(pool, { topicFor: (type) => (type === 'MemberRegistered' ? topics.identity : topics.helpRequest) });
const metadata = (actor: string) => ({ actor, correlationId: randomUUID(), causationId: null });
const rng = seededRng(7);
const people = members(rng, Number(env('BENCH_MEMBERS', '200')));
const nextPair = pairPicker(rng, people);

interface Live {
  plan: RequestPlan;
  done: number;
}

/** Requests in flight, each one step at a time (a stream's next command waits for its last append). */
class CommandMix {
  private readonly idle: Live[] = [];

  next(): { live: Live; event: NewEvent } {
    if (this.idle.length < 256) {
      const [mentorId, seekerId] = nextPair();
      this.idle.push({ plan: planRequest(rng, mentorId, seekerId, people.ids[Math.floor(rng() * people.ids.length)]!), done: 0 });
    }
    const live = this.idle.shift()!;
    const step = live.plan.steps[live.done]!;
    const at = new Date().toISOString();
    return { live, event: { type: step.type, data: step.data(at), metadata: metadata(live.plan.mentorId) } };
  }

  async append(live: Live, event: NewEvent): Promise<string> {
    const { eventIds } = await store.append(live.plan.streamId, [event], live.done);
    if (++live.done < live.plan.steps.length) this.idle.push(live);
    return eventIds[0]!;
  }
}

async function appendRate(): Promise<number> {
  const mix = new CommandMix();
  let measuring = false;
  let stop = false;
  let appends = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (!stop) {
      const { live, event } = mix.next();
      await mix.append(live, event);
      if (measuring && !stop) appends++;
    }
  });
  await sleep(500);
  measuring = true;
  const t0 = performance.now();
  await sleep(seconds * 1000);
  stop = true;
  const rate = appends / ((performance.now() - t0) / 1000);
  await Promise.all(loops);
  await pool.query('TRUNCATE es_outbox'); // never published: the projection sees only the measured load
  return rate;
}

/**
 * Open loop: commands are due at a steady rate whatever the system does (a late one is sent as
 * soon as it can be); 1 s of warm-up, then `seconds` measured; then waits for the stragglers.
 */
async function steady(targetRate: number, mix: CommandMix): Promise<SteadyStats> {
  const committed = new Map<string, { at: number; input: boolean }>();
  let issued = 0;
  let inFlight = 0;
  let made = 0;
  const start = performance.now();
  const warmupEnd = start + 1_000;
  const end = warmupEnd + seconds * 1000;
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * targetRate) - issued;
    for (let i = 0; i < due && inFlight < 512; i++) {
      issued++;
      inFlight++;
      const { live, event } = mix.next();
      void mix.append(live, event).then((id) => {
        inFlight--;
        const at = performance.now();
        if (at < warmupEnd || at >= end) return;
        committed.set(id, { at, input: INPUT_TYPES.has(event.type) });
        made++;
      });
    }
    await sleep(2);
  }
  await until(() => inFlight === 0, 'the last appends', 60_000);
  const waitUntil = Date.now() + 60_000;
  while (Date.now() < waitUntil && [...committed.keys()].some((id) => !seen.has(id))) await sleep(50);

  const lags: number[] = [];
  const inputLags: number[] = [];
  let unresolved = 0;
  for (const [id, { at, input }] of committed) {
    const appliedAt = seen.get(id);
    if (appliedAt === undefined) {
      unresolved++;
      continue;
    }
    const lag = Math.max(0, appliedAt - at);
    lags.push(lag);
    if (input) inputLags.push(lag);
  }
  return {
    targetRate,
    achievedRate: made / seconds,
    appliedRate: [...seen.values()].filter((t) => t >= warmupEnd && t < end).length / seconds,
    samples: lags.length,
    p50Ms: quantile(lags, 0.5),
    p99Ms: quantile(lags, 0.99),
    maxMs: lags.reduce((a, b) => Math.max(a, b), 0),
    inputsP50Ms: quantile(inputLags, 0.5),
    inputsP99Ms: quantile(inputLags, 0.99),
    unresolved,
  };
}

const seen = new Map<string, number>();
const listener = new pg.Client(pgSettings(env('BENCH_REPUTATION_DATABASE')));
await listener.connect();
listener.on('notification', (n) => n.payload && seen.set(n.payload, performance.now()));
await listener.query('LISTEN bench_applied');
// The services' relay settings; BENCH_RELAY_POLL_MS tries another idle poll (the trickle's lag is mostly that wait).
const pollIntervalMs = process.env.BENCH_RELAY_POLL_MS ? Number(process.env.BENCH_RELAY_POLL_MS) : undefined;
const relay = new OutboxRelay({ database: marketDb, kafka: { brokers: kafkaBrokersFromEnv(), clientId: 'bench-marketplace-relay' }, logger: pino({ level: 'warn' }), pollIntervalMs });

try {
  const rate = await appendRate();
  print({ phase: 'append-rate', appendRate: rate });

  const registrations = await Promise.all(
    people.ids.map(async (id) => (await store.append(`member-${id}`, [{ type: 'MemberRegistered', data: { memberId: id, email: `m-${id.slice(-12)}@example.com`, displayName: people.names.get(id)!, headline: null, timezone: 'UTC', roles: ['MEMBER'] }, metadata: metadata(id) }], 0)).eventIds[0]!),
  );
  await relay.start();
  await until(() => registrations.every((id) => seen.has(id)), 'the projection to apply the registrations', 180_000, 50);
  print({ phase: 'registered' });

  const mix = new CommandMix();
  const trickle = await steady(TRICKLE_RATE, mix);
  print({ phase: 'trickle', ...trickle });
  const result: LagResult = { writers, appendRate: rate, trickle, half: await steady(rate / 2, mix) };
  print({ result });
} finally {
  await relay.stop();
  await listener.end();
  await pool.end();
}
