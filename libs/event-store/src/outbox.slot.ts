import { OUTBOX_SLOTS } from './schema.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The outbox slot of a stream: 32-bit FNV-1a of the stream id's UTF-16 code units, modulo
 * OUTBOX_SLOTS. It must never change for a stored stream (relays lease slots, and per-stream
 * order relies on one stream living in one slot), so it depends on nothing but the id.
 */
export function slotFor(streamId: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < streamId.length; i++) {
    hash ^= streamId.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0) % OUTBOX_SLOTS;
}
