import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { RawMessage } from './envelope.processor.js';

/** Headers of a dead-lettered message, next to the original key, value and headers. */
export const DEAD_LETTER_HEADERS = {
  reason: 'reason',
  topic: 'original-topic',
  partition: 'original-partition',
  offset: 'original-offset',
  group: 'consumer-group',
} as const;

/** The original bytes, untouched (so people can inspect what could not be read), plus why and where from. */
export function deadLetterMessage(message: RawMessage, reason: string, groupId: string): Message {
  return {
    key: message.rawKey,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.reason]: reason.slice(0, 2_000),
      [DEAD_LETTER_HEADERS.topic]: message.topic,
      [DEAD_LETTER_HEADERS.partition]: String(message.partition),
      [DEAD_LETTER_HEADERS.offset]: message.offset,
      [DEAD_LETTER_HEADERS.group]: groupId,
    },
  };
}

/** A kafkajs message as the processor sees it: headers as strings, key both raw and decoded. */
export function toRawMessage(topic: string, partition: number, message: KafkaMessage): RawMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((message.headers ?? {}) as IHeaders)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    rawKey: message.key,
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers,
  };
}
