import type { z } from 'zod';
import { eventEnvelopeSchema, type EventEnvelope } from './envelope.js';
import { identityEventCatalog } from './identity/member.events.js';
import { marketplaceEventCatalog } from './marketplace/index.js';
import { reputationAdminEventCatalog } from './reputation/admin.events.js';
import { reputationFlagEventCatalog } from './reputation/flag.events.js';

export interface EventContract {
  topic: string;
  /** The current schema version producers write. */
  schemaVersion: number;
  /**
   * Integration events leave their service (an outbox row, a Kafka message) for other services
   * to consume; internal ones (false) are a service's own bookkeeping, stored in its event store
   * only: replays and rebuilds read them from there (ADR 012).
   */
  integration: boolean;
  schema: z.ZodType;
}

/** Every event type of every bounded context: topic, current schema version, payload schema. */
export const EVENT_CATALOG: Readonly<Record<string, EventContract>> = {
  ...identityEventCatalog,
  ...marketplaceEventCatalog,
  ...reputationAdminEventCatalog,
  ...reputationFlagEventCatalog,
};

export const topicForEventType = (type: string): string => {
  const contract = EVENT_CATALOG[type];
  if (!contract) throw new Error(`no contract for event type "${type}"`);
  return contract.topic;
};

/** Whether the event store writes an outbox row for this type: integration events, and types without a contract (specs' own). */
export const isIntegrationEvent = (type: string): boolean => EVENT_CATALOG[type]?.integration ?? true;

export type EnvelopeCheck =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: string };

/**
 * Validates a raw message against the envelope and, for the current schema version, the
 * payload schema. Older schema versions pass the envelope check and are left to upcasters.
 */
export function validateEnvelope(raw: unknown): EnvelopeCheck {
  const parsed = eventEnvelopeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid envelope: ${summarize(parsed.error)}` };
  const envelope = parsed.data as EventEnvelope;
  const contract = EVENT_CATALOG[envelope.type];
  if (!contract) return { ok: false, reason: `unknown event type "${envelope.type}"` };
  if (envelope.schemaVersion > contract.schemaVersion) {
    return { ok: false, reason: `schema version ${envelope.schemaVersion} of ${envelope.type} is newer than this consumer knows` };
  }
  if (envelope.schemaVersion === contract.schemaVersion) {
    const data = contract.schema.safeParse(envelope.data);
    if (!data.success) return { ok: false, reason: `invalid ${envelope.type} data: ${summarize(data.error)}` };
  }
  return { ok: true, envelope };
}

function summarize(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
