// The e-mail benchmark's event side: what identity and the marketplace would publish, straight to
// the benchmark's topics, while the real notifications service (another process) consumes them,
// writes each mentor's mail into its outbox and hands it to SMTP (our own maildev).
//
// 1. Members: BENCH_MENTORS mentors and BENCH_SEEKERS seekers registered, their addresses sealed
//    with the run's master key (the service keeps only sealed addresses); waits until applied.
// 2. Lag: HelpRequestSubmitted envelopes published open loop for BENCH_SECONDS after 1 s of
//    warm-up, first at a trickle (MAIL_TRICKLE_RATE), then at BENCH_RATE/s; lag = publish acknowledged by the broker → the mail's outbox row
//    marked sent (sent_at, read from the database afterwards: same machine, same clock).
// 3. Fan-out: BENCH_FANOUT requests published at once; mails/s = mails / (first publish → last sent_at).
//
//   env: BENCH_TOPICS, BENCH_NOTIFICATIONS_DATABASE, BENCH_SECONDS, BENCH_RATE, BENCH_FANOUT, BENCH_MENTORS,
//        BENCH_SEEKERS, ENCRYPTION_MASTER_KEY, KEYS_DATABASE, KAFKA_BROKERS, PG*
import kafkajs from 'kafkajs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { helpRequestStreamId, memberStreamId, validateEnvelope, type EventEnvelope } from '@payforward/contracts';
import { createPersonalData } from '@payforward/crypto-shredding';
import { createKafkaClient, kafkaBrokersFromEnv } from '@payforward/messaging';
import { pgSettings } from '@payforward/platform';
import { env, print, quantile, sleep, until } from '../reputation/reputation.child.js';

export interface MailLagStats {
  targetRate: number;
  achievedRate: number;
  /** Mails the service marked sent per second during the measured window (any of them). */
  sentRate: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Published in the window, not sent within 60 s after the load stopped. */
  unresolved: number;
}

export interface FanOutStats {
  mails: number;
  seconds: number;
  mailsPerSec: number;
}

export interface MailLoadResult {
  /** Well below what one SMTP connection per mail allows: the pipeline's floor, no backlog. */
  trickle: MailLagStats;
  lag: MailLagStats;
  fanOut: FanOutStats;
}

const topics = JSON.parse(env('BENCH_TOPICS')) as { identity: string; helpRequest: string };
const seconds = Number(env('BENCH_SECONDS'));
const fanOutSize = Number(env('BENCH_FANOUT'));
const db = new pg.Pool({ ...pgSettings(env('BENCH_NOTIFICATIONS_DATABASE')), max: 2 });
const personal = createPersonalData({ masterKey: env('ENCRYPTION_MASTER_KEY'), database: pgSettings(env('KEYS_DATABASE')) });
const producer = createKafkaClient({ brokers: kafkaBrokersFromEnv(), clientId: 'bench-notifications-mail' }).producer({
  createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
});

function envelope(type: string, streamId: string, version: number, data: Record<string, unknown>, actor: string): EventEnvelope {
  const at = new Date().toISOString();
  const candidate = { id: uuidv7(), type, streamId, version, occurredAt: at, schemaVersion: 1, metadata: { actor, correlationId: uuidv7(), causationId: null }, data };
  const check = validateEnvelope(candidate);
  if (!check.ok) throw new Error(`bench built an invalid ${type}: ${check.reason}`);
  return check.envelope;
}

const registered = (memberId: string, n: number): EventEnvelope =>
  envelope('MemberRegistered', memberStreamId(memberId), 1, { memberId, email: `bench-${n}-${memberId.slice(-12)}@example.org`, displayName: `Member ${n}`, headline: null, timezone: 'UTC', roles: ['MEMBER'] }, memberId);

/** A request of a seeker to a mentor, as the marketplace publishes it: the mentor gets one mail. */
function submitted(mentorId: string, seekerId: string): EventEnvelope {
  const requestId = uuidv7();
  const at = new Date().toISOString();
  return envelope(
    'HelpRequestSubmitted',
    helpRequestStreamId(requestId),
    1,
    {
      requestId, offerId: uuidv7(), mentorId, seekerId, kind: 'ADVICE_CALL',
      message: 'I would love an hour on moving from support into product management.',
      goal: 'Plan my first product role', introTargetId: null, durationMinutes: 30, referral: null,
      submittedAt: at, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    seekerId,
  );
}

const send = (topic: string, envelopes: EventEnvelope[]) =>
  producer.send({ topic, acks: -1, messages: envelopes.map((e) => ({ key: e.streamId, value: JSON.stringify(e), headers: { 'event-type': e.type, 'event-id': e.id } })) });

const dedupeKey = (e: EventEnvelope): string => `${e.id}:${(e.data as { mentorId: string }).mentorId}:email`;

/** sent_at (epoch ms) of the mails of these dedupe keys that are sent. */
async function sentAt(keys: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ dedupe_key: string; ms: string }>(
    `SELECT dedupe_key, (extract(epoch FROM sent_at) * 1000)::float8 AS ms FROM mail_outbox WHERE status = 'sent' AND dedupe_key = ANY($1)`,
    [keys],
  );
  return new Map(rows.map((r) => [r.dedupe_key, Number(r.ms)]));
}

async function allSent(keys: string[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let sent = await sentAt(keys);
  while (sent.size < keys.length && Date.now() < deadline) {
    await sleep(100);
    sent = await sentAt(keys);
  }
  return sent;
}

let turn = 0;
function nextRequest(mentors: string[], seekers: string[]): EventEnvelope {
  turn++;
  return submitted(mentors[turn % mentors.length]!, seekers[turn % seekers.length]!);
}

/** Requests per second of the trickle load. */
export const MAIL_TRICKLE_RATE = 5;

/** Open loop: requests are due at a steady rate whatever the service does; a late one goes as soon as it can. */
async function lag(rate: number, mentors: string[], seekers: string[]): Promise<MailLagStats> {
  const published = new Map<string, number>();
  let issued = 0;
  let inFlight = 0;
  const start = Date.now();
  const warmupEnd = start + 1_000;
  const end = warmupEnd + seconds * 1000;
  while (Date.now() < end) {
    const due = Math.floor(((Date.now() - start) / 1000) * rate) - issued;
    for (let i = 0; i < due && inFlight < 512; i++) {
      issued++;
      inFlight++;
      const event = nextRequest(mentors, seekers);
      void send(topics.helpRequest, [event]).then(() => {
        inFlight--;
        const at = Date.now();
        if (at >= warmupEnd && at < end) published.set(dedupeKey(event), at);
      });
    }
    await sleep(2);
  }
  await until(() => inFlight === 0, 'the last publishes', 60_000);
  const sent = await allSent([...published.keys()], 60_000);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mail_outbox WHERE sent_at >= to_timestamp($1 / 1000.0) AND sent_at < to_timestamp($2 / 1000.0)`,
    [warmupEnd, end],
  );
  const lags = [...published].flatMap(([key, at]) => (sent.has(key) ? [Math.max(0, sent.get(key)! - at)] : []));
  return {
    targetRate: rate,
    achievedRate: published.size / seconds,
    sentRate: rows[0]!.n / seconds,
    samples: lags.length,
    p50Ms: quantile(lags, 0.5),
    p99Ms: quantile(lags, 0.99),
    maxMs: lags.reduce((a, b) => Math.max(a, b), 0),
    unresolved: published.size - lags.length,
  };
}

async function fanOut(mentors: string[], seekers: string[]): Promise<FanOutStats> {
  const events = Array.from({ length: fanOutSize }, () => nextRequest(mentors, seekers));
  const t0 = Date.now();
  for (let i = 0; i < events.length; i += 500) await send(topics.helpRequest, events.slice(i, i + 500));
  const sent = await allSent(events.map(dedupeKey), 300_000);
  if (sent.size < events.length) throw new Error(`fan-out: ${events.length - sent.size} of ${events.length} mails not sent within 300 s`);
  const last = Math.max(...sent.values());
  const secs = (last - t0) / 1000;
  return { mails: events.length, seconds: secs, mailsPerSec: events.length / secs };
}

try {
  await producer.connect();
  const mentors = Array.from({ length: Number(env('BENCH_MENTORS', '100')) }, () => uuidv7());
  const seekers = Array.from({ length: Number(env('BENCH_SEEKERS', '20')) }, () => uuidv7());
  const everyone = [...mentors, ...seekers];
  await send(topics.identity, await personal.codec.sealEvents(everyone.map((id, n) => registered(id, n))));
  await until(
    async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM members WHERE id = ANY($1) AND email IS NOT NULL', [everyone])).rows[0]!.n === everyone.length,
    'the service to apply the registrations',
    120_000,
    50,
  );
  print({ phase: 'registered', members: everyone.length });
  const trickle = await lag(MAIL_TRICKLE_RATE, mentors, seekers);
  print({ phase: 'lag', ...trickle });
  const lagStats = await lag(Number(env('BENCH_RATE')), mentors, seekers);
  print({ phase: 'lag', ...lagStats });
  const result: MailLoadResult = { trickle, lag: lagStats, fanOut: await fanOut(mentors, seekers) };
  print({ result });
} finally {
  await producer.disconnect();
  await personal.close();
  await db.end();
}
