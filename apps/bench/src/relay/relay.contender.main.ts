// One contender of the relay benchmark, in its own process: `node relay.contender.main.js relay|bare`.
// Env: BENCH_DATABASE, BENCH_TOPIC, BENCH_BATCH_SIZE, KAFKA_BROKERS, PG* (see relay.bench.ts).
// Prints one JSON line {contender, messages, ms}; connecting is not timed for either contender.
import pg from 'pg';
import kafkajs from 'kafkajs';
import { pino } from 'pino';
import { OutboxRelay, createKafkaClient, kafkaBrokersFromEnv } from '@payforward/messaging';

const contender = process.argv[2];
const database = process.env.BENCH_DATABASE!;
const topic = process.env.BENCH_TOPIC!;
const batchSize = Number(process.env.BENCH_BATCH_SIZE ?? 500);
const brokers = kafkaBrokersFromEnv();
const logger = pino({ level: 'warn' });

async function relay(): Promise<number> {
  const relay = new OutboxRelay({ database: { database }, kafka: { brokers, clientId: 'bench-relay' }, batchSize, logger });
  await relay.connect();
  const t0 = performance.now();
  const published = await relay.publishPending();
  const ms = performance.now() - t0;
  await relay.stop();
  report(published, ms);
  return published;
}

/** The same messages (key, value, headers) in the same batches, straight from memory. */
async function bare(): Promise<number> {
  const client = new pg.Client({ database });
  await client.connect();
  const { rows } = await client.query<{ event_id: string; stream_id: string; payload: string; type: string }>(
    `SELECT event_id::text, stream_id, payload::text AS payload, payload->>'type' AS type FROM es_outbox ORDER BY position`,
  );
  await client.end();
  const messages = rows.map((r) => ({ key: r.stream_id, value: r.payload, headers: { 'event-type': r.type, 'event-id': r.event_id } }));
  // The producer settings the relay uses: per-stream order and no broker-side duplicates need them.
  const producer = createKafkaClient({ brokers, clientId: 'bench-bare', logger }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const t0 = performance.now();
  for (let i = 0; i < messages.length; i += batchSize) {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + batchSize) }] });
  }
  const ms = performance.now() - t0;
  await producer.disconnect();
  report(messages.length, ms);
  return messages.length;
}

function report(messages: number, ms: number): void {
  process.stdout.write(`${JSON.stringify({ contender, messages, ms })}\n`);
}

if (contender === 'relay') await relay();
else if (contender === 'bare') await bare();
else throw new Error(`unknown contender "${contender}" (relay|bare)`);
