import { EVENT_CATALOG, topicForEventType, validateEnvelope } from '../catalog.js';
import { identityEventCatalog } from '../identity/member.events.js';
import { TOPIC_SPECS, TOPICS } from '../topics.js';
import { marketplaceEventCatalog } from './index.js';

const marketplaceTopics = [TOPICS.marketplaceOffer, TOPICS.marketplaceAvailability, TOPICS.marketplaceHelpRequest, TOPICS.marketplaceRelationship];

describe('marketplace event contracts', () => {
  it('registers the four marketplace topics with 3 partitions each', () => {
    expect(marketplaceTopics).toEqual(['marketplace.offer.v1', 'marketplace.availability.v1', 'marketplace.help-request.v1', 'marketplace.relationship.v1']);
    for (const name of marketplaceTopics) expect(TOPIC_SPECS).toContainEqual({ name, partitions: 3 });
  });

  it('every marketplace event type is in the global catalog, on a marketplace topic, and no context shadows another', () => {
    const types = Object.keys(marketplaceEventCatalog);
    expect(types.length).toBe(25);
    for (const type of types) {
      expect(type).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(EVENT_CATALOG[type]).toBe(marketplaceEventCatalog[type as keyof typeof marketplaceEventCatalog]);
      expect(marketplaceTopics).toContain(topicForEventType(type));
      expect(Object.keys(identityEventCatalog)).not.toContain(type);
    }
  });

  it('routes events to their streams’ topics', () => {
    expect(topicForEventType('OfferPublished')).toBe('marketplace.offer.v1');
    expect(topicForEventType('CapacityReserved')).toBe('marketplace.offer.v1');
    expect(topicForEventType('AvailabilitySet')).toBe('marketplace.availability.v1');
    expect(topicForEventType('HelpRequestCompleted')).toBe('marketplace.help-request.v1');
    expect(topicForEventType('PendingSlotTaken')).toBe('marketplace.help-request.v1');
    expect(topicForEventType('WorkedTogetherConfirmed')).toBe('marketplace.relationship.v1');
  });

  const envelope = (data: Record<string, unknown>) => ({
    id: '0193a0b4-6f1e-7c3a-9d2e-1a2b3c4d5e6f',
    type: 'FeedbackLeft',
    streamId: 'help-request-0193a0b4-6f1e-7c3a-9d2e-000000000001',
    version: 4,
    occurredAt: '2026-11-25T10:00:00.000Z',
    schemaVersion: 1,
    metadata: { actor: '0193a0b4-6f1e-7c3a-9d2e-000000000003', correlationId: 'c-1', causationId: null },
    data,
  });
  const feedback = {
    requestId: '0193a0b4-6f1e-7c3a-9d2e-000000000001',
    offerId: '0193a0b4-6f1e-7c3a-9d2e-000000000002',
    mentorId: '0193a0b4-6f1e-7c3a-9d2e-000000000003',
    seekerId: '0193a0b4-6f1e-7c3a-9d2e-000000000004',
    kind: 'ADVICE_CALL',
    side: 'SEEKER',
    rating: 5,
    note: null,
    leftAt: '2026-11-25T10:00:00.000Z',
  };

  it('given a well-formed FeedbackLeft envelope, when validated, then it passes', () => {
    expect(validateEnvelope(envelope(feedback)).ok).toBe(true);
  });

  it.each([
    ['a rating of 6', { rating: 6 }, 'rating'],
    ['an unknown side', { side: 'ADMIN' }, 'side'],
    ['no kind', { kind: undefined }, 'kind'],
  ])('given FeedbackLeft with %s, when validated, then the reason names the field', (_, change, field) => {
    const check = validateEnvelope(envelope({ ...feedback, ...change }));
    expect(!check.ok && check.reason).toMatch(new RegExp(`invalid FeedbackLeft data: ${field}`));
  });
});
