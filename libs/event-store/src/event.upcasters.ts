import type { Upcasters } from './event-store.types.js';

/**
 * Brings stored data up to the newest schema version its type has upcasters for: applies
 * upcasters[type][v], then [v + 1], … until the chain ends. Pure, so readers can share it.
 */
export function upcast(
  upcasters: Upcasters,
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
): { schemaVersion: number; data: Record<string, unknown> } {
  const chain = upcasters[type];
  if (!chain) return { schemaVersion, data };
  let version = schemaVersion;
  let current = data;
  for (let step = chain[version]; step; step = chain[version]) {
    current = step(current);
    version += 1;
  }
  return { schemaVersion: version, data: current };
}
