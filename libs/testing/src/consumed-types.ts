import { EVENT_CATALOG, type EventEnvelope } from '@payforward/contracts';

type Handler = (envelope: EventEnvelope, tx: never) => Promise<unknown>;

/** Any field a handler reads: a timestamp for `…At`, else a uuid of its own per field name (so two members differ). */
const anyData = (): Record<string, unknown> => {
  const ids = new Map<string, string>();
  const idOf = (key: string) => ids.get(key) ?? ids.set(key, `0193a0b4-6f1e-7c3a-9d2e-${String(ids.size + 1).padStart(12, '0')}`).get(key)!;
  return new Proxy({}, { get: (_, key) => (typeof key !== 'string' ? undefined : key.endsWith('At') ? '2026-11-25T10:00:00.000Z' : idOf(key)) });
};

/**
 * The event types a consumer's handler acts on (ADR 012): it is run once per catalog type on the
 * consumer's topics with a recording transaction, and a type counts as handled when the handler
 * issued any statement for it. Specs assert these are integration events, so nothing a
 * consumer needs can stop being published.
 */
export async function typesHandledBy(handler: Handler, topics: readonly string[]): Promise<string[]> {
  const handled: string[] = [];
  for (const [type, contract] of Object.entries(EVENT_CATALOG)) {
    if (!topics.includes(contract.topic)) continue;
    let queried = false;
    const tx = {
      query: async () => {
        queried = true;
        return { rows: [], rowCount: 0 };
      },
    };
    const metadata = { actor: 'system:test', correlationId: 'c', causationId: null };
    const envelope = { id: '0193a0b4-6f1e-7c3a-9d2e-0000000000ee', type, streamId: 's', version: 1, occurredAt: '2026-11-25T10:00:00.000Z', schemaVersion: 1, metadata, data: anyData() };
    await handler(envelope as EventEnvelope, tx as never);
    if (queried) handled.push(type);
  }
  return handled;
}
