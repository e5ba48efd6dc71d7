import {
  capacityStreamId,
  DomainError,
  helpRequestStreamId,
  seekerPendingStreamId,
  type HelpRequestEvent,
} from '@payforward/contracts';
import {
  capacityLedgerDecider,
  capacityToRelease,
  helpRequestDecider,
  pendingSlotToFree,
  seekerPendingDecider,
  type ExistingHelpRequest,
  type RequestIdField,
} from '@payforward/marketplace-domain';
import type { CommandSession } from '@payforward/event-store';

/**
 * What the other consistency boundaries must hear after a request's events, in the same
 * transaction (the domain says which): a request leaving SUBMITTED frees the seeker's pending
 * slot; an intro the target declined gives its unit back to the offer's period ledger.
 */
export async function followUp(s: CommandSession, events: readonly HelpRequestEvent[]): Promise<void> {
  for (const event of events) {
    const slot = pendingSlotToFree(event);
    if (slot) {
      await s.execute(seekerPendingStreamId(slot.seekerId), seekerPendingDecider, { type: 'FreePendingSlot', data: { ...slot, now: s.now } });
    }
    const release = capacityToRelease(event);
    if (release) {
      await s.execute(capacityStreamId(release.offerId, release.periodKey), capacityLedgerDecider, {
        type: 'ReleaseCapacity',
        data: { ...release, now: s.now },
      });
    }
  }
}

/** The request's state and version; NOT_FOUND on `field` when the stream does not exist. */
export async function loadRequest(s: CommandSession, requestId: string, field: RequestIdField): Promise<{ state: ExistingHelpRequest; version: number }> {
  const { state, version } = await s.load(helpRequestStreamId(requestId), helpRequestDecider);
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'No such help request.', field);
  return { state, version };
}
