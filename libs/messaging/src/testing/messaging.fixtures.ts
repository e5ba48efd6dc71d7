// Test fixtures for the messaging specs: envelopes, outbox rows written with plain SQL, and a
// reader that collects a topic back from the real broker. Not part of the public API.
import type pg from 'pg';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '@payforward/contracts';
import { slotFor } from '@payforward/event-store';
import { kafkaBrokers, uniqueSuffix, waitFor } from '@payforward/testing';
import { createKafkaClient } from '../kafka.client.js';
import type { MessagingLogger } from '../messaging.logger.js';

/** Test logs: errors only unless LOG_LEVEL says otherwise (LOG_LEVEL=warn shows every retry and kafkajs hiccup). */
export const testLogger = (): MessagingLogger => pino({ name: 'messaging-test', level: process.env.LOG_LEVEL ?? 'error' });

/** A valid MemberRegistered envelope; the member's stream gets events 1..n through `version`. */
export function memberEvent(memberId: string, version: number): EventEnvelope {
  return {
    id: uuidv7(),
    type: 'MemberRegistered',
    streamId: `member-${memberId}`,
    version,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    metadata: { actor: 'system:test', correlationId: `c-${memberId}`, causationId: null },
    data: { memberId, email: `m${version}@example.com`, displayName: `Member ${version}`, headline: null, timezone: 'UTC', roles: ['MEMBER'] },
  };
}

/** `streams` streams of `perStream` events each, interleaved the way concurrent writers would produce them. */
export function interleavedEvents(streams: number, perStream: number): EventEnvelope[] {
  const members = Array.from({ length: streams }, () => uuidv7());
  const events: EventEnvelope[] = [];
  for (let v = 1; v <= perStream; v++) for (const m of members) events.push(memberEvent(m, v));
  return events;
}

/** Writes outbox rows the way the event store does (slot = slotFor(stream id)), in array order. */
export async function insertOutbox(db: pg.Pool | pg.ClientBase, topic: string, events: readonly EventEnvelope[]): Promise<void> {
  for (let i = 0; i < events.length; i += 2_000) {
    const chunk = events.slice(i, i + 2_000);
    await db.query(
      `INSERT INTO es_outbox (event_id, stream_id, topic, slot, payload)
       SELECT e.id, e.stream_id, $1, e.slot, e.payload
       FROM unnest($2::uuid[], $3::text[], $4::smallint[], $5::jsonb[]) WITH ORDINALITY AS e(id, stream_id, slot, payload, n)
       ORDER BY e.n`,
      [topic, chunk.map((e) => e.id), chunk.map((e) => e.streamId), chunk.map((e) => slotFor(e.streamId)), chunk.map((e) => JSON.stringify(e))],
    );
  }
}

export interface ReadMessage {
  partition: number;
  offset: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Total messages ever written to a topic: the sum of its partitions' high watermarks. */
export async function topicSize(topic: string): Promise<number> {
  const admin = createKafkaClient({ brokers: kafkaBrokers(), clientId: 'test-admin', logger: testLogger() }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a topic from the beginning with a throw-away consumer group until `count` messages
 * arrived; messages of a partition keep their offset order.
 */
export async function readTopic(topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const consumer = createKafkaClient({ brokers: kafkaBrokers(), clientId: 'test-reader', logger: testLogger() }).consumer({
    groupId: `test-reader-${uniqueSuffix()}`,
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
  });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(m.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
          messages.push({ partition: batch.partition, offset: Number(m.offset), key: m.key?.toString() ?? null, value: m.value, headers });
        }
      },
    });
    await waitFor(() => messages.length >= count, { timeoutMs, what: `${count} messages on ${topic} (got ${messages.length})` });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

/** The envelopes of messages, parsed. */
export const envelopesOf = (messages: readonly ReadMessage[]): EventEnvelope[] =>
  messages.map((m) => JSON.parse(m.value!.toString('utf8')) as EventEnvelope);

/** Per stream, the versions in the order they were read (one stream = one key = one partition). */
export function versionsByStream(envelopes: readonly EventEnvelope[]): Map<string, number[]> {
  const byStream = new Map<string, number[]>();
  for (const e of envelopes) {
    const list = byStream.get(e.streamId) ?? [];
    list.push(e.version);
    byStream.set(e.streamId, list);
  }
  return byStream;
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
