import fc from 'fast-check';
import { OUTBOX_SLOTS, slotFor } from './index.js';

describe('slotFor', () => {
  it('given any stream id, when hashed, then the slot is an integer in [0, OUTBOX_SLOTS)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (streamId) => {
        const slot = slotFor(streamId);
        return Number.isInteger(slot) && slot >= 0 && slot < OUTBOX_SLOTS;
      }),
    );
  });

  it('given the same stream id twice, when hashed, then the slot is the same', () => {
    fc.assert(fc.property(fc.string(), (streamId) => slotFor(streamId) === slotFor(`${streamId}`)));
  });

  // Reference FNV-1a vectors ('' and 'a') and pinned values: slots are stored in the outbox and leased by relays, so the hash must never change.
  it('given known stream ids, when hashed, then the slots are the FNV-1a values pinned at release', () => {
    expect([slotFor(''), slotFor('a'), slotFor('member-1'), slotFor('member-0193a0b4-6f1e-7c3a-9d2e-000000000001')]).toEqual([
      0x811c9dc5 % 16,
      0xe40c292c % 16,
      1,
      5,
    ]);
  });

  it('given many member streams, when hashed, then every slot is used and none takes more than twice its share', () => {
    const counts = new Array<number>(OUTBOX_SLOTS).fill(0);
    for (let i = 0; i < 16_000; i++) counts[slotFor(`member-${i}`)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * 16_000) / OUTBOX_SLOTS);
  });
});
