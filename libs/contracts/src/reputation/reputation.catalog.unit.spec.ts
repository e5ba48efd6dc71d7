import { EVENT_CATALOG, topicForEventType, validateEnvelope } from '../catalog.js';
import { TOPIC_SPECS, TOPICS } from '../topics.js';
import { REPUTATION_ADMIN_STREAM_ID, reputationAdminEventCatalog } from './admin.events.js';

const envelope = (type: string, data: Record<string, unknown>) => ({
  id: '0193a0b4-6f1e-7c3a-9d2e-1a2b3c4d5e6f',
  type,
  streamId: REPUTATION_ADMIN_STREAM_ID,
  version: 1,
  occurredAt: '2026-11-25T10:00:00.000Z',
  schemaVersion: 1,
  metadata: { actor: '0193a0b4-6f1e-7c3a-9d2e-000000000009', correlationId: 'c-1', causationId: null },
  data,
});
const resolution = { flagId: '0193a0b4-6f1e-7c3a-9d2e-000000000001', adminId: '0193a0b4-6f1e-7c3a-9d2e-000000000009', note: 'Colleagues.', at: '2026-11-25T10:00:00.000Z' };
const adjustment = { memberId: '0193a0b4-6f1e-7c3a-9d2e-000000000002', points: -20, reason: 'Staged sessions', adminId: resolution.adminId, at: resolution.at };

describe('reputation admin event contracts', () => {
  it('registers reputation.admin.v1 with one partition, and its three event types on it', () => {
    expect(TOPIC_SPECS).toContainEqual({ name: 'reputation.admin.v1', partitions: 1 });
    for (const type of Object.keys(reputationAdminEventCatalog)) {
      expect(EVENT_CATALOG[type]).toBe(reputationAdminEventCatalog[type as keyof typeof reputationAdminEventCatalog]);
      expect(topicForEventType(type)).toBe(TOPICS.reputationAdmin);
    }
    expect(Object.keys(reputationAdminEventCatalog)).toEqual(['FlagDismissed', 'FlagReversed', 'ReputationAdjusted']);
  });

  it('given well-formed admin decisions, when validated, then they pass', () => {
    expect(validateEnvelope(envelope('FlagReversed', resolution)).ok).toBe(true);
    expect(validateEnvelope(envelope('ReputationAdjusted', adjustment)).ok).toBe(true);
  });

  it.each([
    ['FlagDismissed', 'a blank note', { ...resolution, note: '   ' }, 'note'],
    ['ReputationAdjusted', 'no reason', { ...adjustment, reason: '' }, 'reason'],
    ['ReputationAdjusted', '0 points', { ...adjustment, points: 0 }, 'points'],
    ['ReputationAdjusted', 'fractional points', { ...adjustment, points: 1.5 }, 'points'],
  ])('given %s with %s, when validated, then the reason names the field', (type, _, data, field) => {
    const check = validateEnvelope(envelope(type, data));
    expect(!check.ok && check.reason).toMatch(new RegExp(`invalid ${type} data: ${field}`));
  });
});
