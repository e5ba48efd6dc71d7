import { z } from 'zod';

/**
 * The envelope every event travels in, from the event store's outbox to Kafka to consumers.
 * `type` is a string literal owned by the contract (never a class name), and `schemaVersion`
 * lets consumers upcast old payloads instead of breaking on them.
 */
export const eventMetadataSchema = z.object({
  /** Member id, or `system:<component>` for events the system raises itself. */
  actor: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[A-Z][A-Za-z]+$/, 'event type must be a PascalCase string literal'),
  streamId: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  schemaVersion: z.number().int().positive(),
  metadata: eventMetadataSchema,
  data: z.record(z.string(), z.unknown()),
});

export type EventEnvelope<TType extends string = string, TData = Record<string, unknown>> = Omit<
  z.infer<typeof eventEnvelopeSchema>,
  'type' | 'data'
> & { type: TType; data: TData };

/** A typed event as domain code sees it: just the literal type and its data. */
export interface DomainEvent<TType extends string = string, TData = Record<string, unknown>> {
  type: TType;
  data: TData;
}
