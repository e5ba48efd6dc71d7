import { isIntegrationEvent, TOPICS, type EventEnvelope } from '@payforward/contracts';
import { applyBlockingEvent } from '@payforward/platform';
import { isReputationInput } from '@payforward/reputation-domain';
import { typesHandledBy } from '@payforward/testing';
import { nameOf } from './reputation.projection.js';

/**
 * Every fact the consumer receives is stored for the history; what it acts on is the ledger's
 * inputs, the names its reasons quote and the suspensions that block tokens (ADR 012).
 */
describe('the reputation projection consumes only integration events (ADR 012)', () => {
  const acted = async (envelope: EventEnvelope, tx: { query: () => Promise<unknown> }) => {
    if (isReputationInput(envelope) || nameOf(envelope)) await tx.query();
    await applyBlockingEvent(tx as never, envelope);
  };

  it('every event type the ledger, the names or the token blocks act on is published', async () => {
    const handled = await typesHandledBy(acted as never, [TOPICS.identityMember, TOPICS.marketplaceHelpRequest, TOPICS.reputationAdmin]);
    expect(handled).toEqual(expect.arrayContaining(['MemberRegistered', 'MemberSuspended', 'HelpRequestCompleted', 'FeedbackLeft', 'IntroDeclined', 'FlagReversed', 'ReputationAdjusted']));
    expect(handled.filter((type) => !isIntegrationEvent(type))).toEqual([]);
  });
});
