import { isIntegrationEvent, TOPICS } from '@payforward/contracts';
import { typesHandledBy } from '@payforward/testing';
import { projectIdentityEvent } from './identity-events.consumer.js';

describe('the members mirror consumes only integration events (ADR 012)', () => {
  it('every identity event type the mirror acts on is published', async () => {
    const handled = await typesHandledBy(projectIdentityEvent, [TOPICS.identityMember]);
    // PasswordReset: the member's earlier tokens end here too (session_cutoffs, ADR 019).
    expect(handled).toEqual(['MemberRegistered', 'MemberProfileUpdated', 'MemberSuspended', 'MemberReinstated', 'MemberErased', 'PasswordReset']);
    expect(handled.filter((type) => !isIntegrationEvent(type))).toEqual([]);
  });
});
