import { validateEnvelope, memberStreamId, topicForEventType, TOPICS } from '../index.js';

const memberId = '0193a0b4-6f1e-7c3a-9d2e-000000000001';
const adminId = '0193a0b4-6f1e-7c3a-9d2e-000000000009';

const envelope = (type: string, data: Record<string, unknown>) => ({
  id: '0193a0b4-6f1e-7c3a-9d2e-1a2b3c4d5e6f',
  type,
  streamId: memberStreamId(memberId),
  version: 2,
  occurredAt: '2026-11-25T10:00:00.000Z',
  schemaVersion: 1,
  metadata: { actor: adminId, correlationId: 'c-1', causationId: null },
  data,
});

const VALID: Array<[string, Record<string, unknown>]> = [
  ['MemberProfileUpdated', { memberId, displayName: 'Dana', headline: null, timezone: 'Europe/Berlin' }],
  ['AdminRoleGranted', { memberId, role: 'ADMIN', adminId, grantedAt: '2026-11-25T10:00:00.000Z' }],
  ['MemberSuspended', { memberId, reason: 'Fake sessions', forFraud: true, adminId, suspendedAt: '2026-11-25T10:00:00.000Z' }],
  ['MemberReinstated', { memberId, adminId, reinstatedAt: '2026-11-25T10:00:00.000Z' }],
];

describe('identity event contracts: the account after registration', () => {
  it.each(VALID)('given a well-formed %s, when validated, then it passes and travels on the identity topic', (type, data) => {
    expect(validateEnvelope(envelope(type, data)).ok).toBe(true);
    expect(topicForEventType(type)).toBe(TOPICS.identityMember);
  });

  it.each([
    ['MemberSuspended', { memberId, reason: '  ', forFraud: false, adminId, suspendedAt: '2026-11-25T10:00:00.000Z' }, 'reason'],
    ['MemberSuspended', { memberId, reason: 'Spam', adminId, suspendedAt: '2026-11-25T10:00:00.000Z' }, 'forFraud'],
    ['MemberReinstated', { memberId, adminId: 'not-a-uuid', reinstatedAt: '2026-11-25T10:00:00.000Z' }, 'adminId'],
    ['AdminRoleGranted', { memberId, role: 'MEMBER', adminId, grantedAt: '2026-11-25T10:00:00.000Z' }, 'role'],
    ['MemberProfileUpdated', { memberId, displayName: '', headline: null, timezone: 'UTC' }, 'displayName'],
  ])('given a %s breaking its schema, when validated, then the reason names %s', (type, data, field) => {
    const check = validateEnvelope(envelope(type, data));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(new RegExp(`invalid ${type} data: ${field}`));
  });
});
