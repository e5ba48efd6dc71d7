import { isIntegrationEvent, TOPICS } from '@payforward/contracts';
import { typesHandledBy } from '@payforward/testing';
import { projectContactGrants } from './contact-grants.projection.js';

describe('contact grants consume only integration events (ADR 012)', () => {
  it('every help-request event type the projection acts on is published', async () => {
    const handled = await typesHandledBy(projectContactGrants, [TOPICS.marketplaceHelpRequest]);
    expect(handled).toEqual(['HelpRequestAccepted', 'IntroConsented']);
    expect(handled.filter((type) => !isIntegrationEvent(type))).toEqual([]);
  });
});
