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
import type { WriteSession } from '../shared/write-session.js';

/**
 * What the other consistency boundaries must hear after a request's events, in the same
 * transaction (the domain says which): a request leaving SUBMITTED frees the seeker's pending
 * slot; an intro the target declined gives its unit back to the offer's period ledger.
 */
export async function followUp(w: WriteSession, events: readonly HelpRequestEvent[]): Promise<void> {
  for (const event of events) {
    const slot = pendingSlotToFree(event);
    if (slot) {
      await w.execute(seekerPendingStreamId(slot.seekerId), seekerPendingDecider, { type: 'FreePendingSlot', data: { ...slot, now: w.now } });
    }
    const release = capacityToRelease(event);
    if (release) {
      await w.execute(capacityStreamId(release.offerId, release.periodKey), capacityLedgerDecider, {
        type: 'ReleaseCapacity',
        data: { ...release, now: w.now },
      });
    }
  }
}

/** The request's state and version; NOT_FOUND on `field` when the stream does not exist. */
export async function loadRequest(w: WriteSession, requestId: string, field: RequestIdField): Promise<{ state: ExistingHelpRequest; version: number }> {
  const { state, version } = await w.load(helpRequestStreamId(requestId), helpRequestDecider);
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'No such help request.', field);
  return { state, version };
}

/**
 * Takes the request's expiry due time first (deleting it, which row-locks it until commit).
 * Every command that can end a SUBMITTED request does this before touching streams, so it and
 * the expiry scan (which claims due times with SKIP LOCKED) never wait on each other in
 * opposite orders. A refusal rolls the delete back; an exit from SUBMITTED deletes it anyway.
 */
export async function takeDeadline(w: WriteSession, requestId: string): Promise<void> {
  await w.tx.query({ name: 'marketplace-take-deadline', text: 'DELETE FROM request_deadlines WHERE request_id = $1', values: [requestId] });
}
