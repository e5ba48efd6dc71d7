export * from './schema.js';
export * from './event-store.types.js';
export * from './event-store.errors.js';
export { PostgresEventStore, type PostgresEventStoreOptions, type Queryable } from './postgres.event-store.js';
export { slotFor } from './outbox.slot.js';
export { upcast } from './event.upcasters.js';
export { handleCommand, type HandleCommandResult } from './decider.command-handler.js';
export { EventStoreSchema1767225600000, EventStoreSchemaMigration } from './event-store.migration.js';
