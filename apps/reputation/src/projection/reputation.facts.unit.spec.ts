import type { EventEnvelope } from '@payforward/contracts';
import { storedEnvelope } from './reputation.facts.js';

/** What reputation keeps of identity's events: never an address, never a one-time account token (ADR 019). */
const envelope = (type: string, data: Record<string, unknown>): EventEnvelope =>
  ({ id: '0193a0b4-6f1e-7c3a-9d2e-0000000000ee', type, streamId: 's', version: 1, occurredAt: '2026-11-25T10:00:00.000Z', schemaVersion: 1, metadata: { actor: 'a', correlationId: 'c', causationId: null }, data }) as EventEnvelope;

describe('reputation facts: stored envelopes', () => {
  it.each(['EmailVerificationRequested', 'PasswordResetRequested'])('given %s, when stored, then the address and the token are dropped', (type) => {
    const stored = storedEnvelope(envelope(type, { memberId: 'm', email: 'dana@example.com', token: 'T'.repeat(43), expiresAt: '2026-11-25T10:30:00.000Z' }));
    expect(stored.data).toEqual({ memberId: 'm', expiresAt: '2026-11-25T10:30:00.000Z' });
  });

  it('given MemberRegistered, when stored, then only the address is dropped', () => {
    expect(storedEnvelope(envelope('MemberRegistered', { memberId: 'm', email: 'dana@example.com', displayName: 'Dana' })).data).toEqual({ memberId: 'm', displayName: 'Dana' });
  });
});
