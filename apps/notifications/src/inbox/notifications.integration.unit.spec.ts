import { isIntegrationEvent, TOPICS, type EventEnvelope } from '@payforward/contracts';
import { typesHandledBy } from '@payforward/testing';
import { handleEvent } from './notifications.consumer.js';

/** The recording harness fills every field with an id; a valid kind keeps the rules' lookups meaningful. */
const withKind = (envelope: EventEnvelope): EventEnvelope => ({
  ...envelope,
  data: new Proxy(envelope.data as object, { get: (data, key) => (key === 'kind' ? 'ADVICE_CALL' : Reflect.get(data, key)) }) as EventEnvelope['data'],
});

describe('the notifications consumer acts only on integration events (ADR 012)', () => {
  it('every event type it stores something for is published, and these are the ones', async () => {
    const handled = await typesHandledBy((e, tx) => handleEvent(withKind(e), tx), [TOPICS.identityMember, TOPICS.marketplaceHelpRequest, TOPICS.reputationAdmin, TOPICS.reputationFlags]);
    expect(handled).toEqual([
      'MemberRegistered',
      'MemberProfileUpdated',
      'AdminRoleGranted',
      'MemberSuspended',
      'MemberReinstated',
      'MemberErased',
      // Ends the member's sessions here too (session_cutoffs). The account mails' events are not probed: their address is not one here.
      'PasswordReset',
      'HelpRequestSubmitted',
      'HelpRequestAccepted',
      'HelpRequestDeclined',
      // Withdrawal, no-show and a declined intro cancel reminders and end sessions (sessions/, reminders/).
      'HelpRequestWithdrawn',
      'HelpRequestExpired',
      'HelpRequestCompleted',
      'NoShowReported',
      'ReferralVouched',
      'IntroDeclined',
      'FlagDismissed',
      'FlagReversed',
      'ReputationAdjusted',
      'FlagRaised',
    ]);
    expect(handled.filter((type) => !isIntegrationEvent(type))).toEqual([]);
  });
});
