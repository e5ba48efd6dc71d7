import { validateEnvelope, topicForEventType, TOPICS, memberStreamId } from './index.js';

const valid = () => ({
  id: '0193a0b4-6f1e-7c3a-9d2e-1a2b3c4d5e6f',
  type: 'MemberRegistered',
  streamId: memberStreamId('0193a0b4-6f1e-7c3a-9d2e-000000000001'),
  version: 1,
  occurredAt: '2026-11-25T10:00:00.000Z',
  schemaVersion: 1,
  metadata: { actor: 'system:test', correlationId: 'c-1', causationId: null },
  data: {
    memberId: '0193a0b4-6f1e-7c3a-9d2e-000000000001',
    email: 'dana@example.com',
    displayName: 'Dana',
    headline: null,
    timezone: 'Europe/Berlin',
    roles: ['MEMBER'],
  },
});

describe('event contracts', () => {
  it('given a well-formed MemberRegistered envelope, when validated, then it passes', () => {
    expect(validateEnvelope(valid())).toEqual({ ok: true, envelope: valid() });
  });

  it('given an envelope without an id, when validated, then the reason names the field', () => {
    const { id: _id, ...rest } = valid();
    const check = validateEnvelope(rest);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(/^invalid envelope: id:/);
  });

  it('given an unknown event type, when validated, then it is refused', () => {
    expect(validateEnvelope({ ...valid(), type: 'SomethingElse' })).toEqual({ ok: false, reason: 'unknown event type "SomethingElse"' });
  });

  it('given a payload that breaks its schema, when validated, then the reason names the data field', () => {
    const check = validateEnvelope({ ...valid(), data: { ...valid().data, email: 'not-an-email' } });
    expect(!check.ok && check.reason).toMatch(/invalid MemberRegistered data: email/);
  });

  it('given a schema version newer than the contract, when validated, then it is refused rather than misread', () => {
    expect(validateEnvelope({ ...valid(), schemaVersion: 2 }).ok).toBe(false);
  });

  it('maps each event type to its versioned topic', () => {
    expect(topicForEventType('MemberRegistered')).toBe(TOPICS.identityMember);
    expect(() => topicForEventType('Nope')).toThrow(/no contract/);
  });
});
