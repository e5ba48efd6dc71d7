import type { CapacityReleaseReason } from '@payforward/contracts';

/**
 * Commands on one capacity ledger: stream `capacity-<offerId>-<periodKey>`. The handler
 * appends with the expected version it read, so concurrent reservations serialize here and
 * the ledger can never hold more reservations than the capacity.
 */
export interface ReserveCapacity {
  type: 'ReserveCapacity';
  data: {
    offerId: string;
    periodKey: string;
    requestId: string;
    /** The offer's capacity now (capacity lowered mid-period is honoured from then on). */
    capacity: number;
    /** WEEK or MONTH, only to word the refusal. */
    period?: 'WEEK' | 'MONTH';
    now: Date;
  };
}

/**
 * Gives a reservation back. Used when an acceptance did not happen after all (the accept
 * append failed after the reservation: ACCEPT_ABORTED) or the engagement could not take place
 * for a reason outside both parties (the intro's target declined: INTRO_DECLINED).
 * Completed and no-show engagements keep their reservation: the mentor's time was committed.
 */
export interface ReleaseCapacity {
  type: 'ReleaseCapacity';
  data: { offerId: string; periodKey: string; requestId: string; reason: CapacityReleaseReason; now: Date };
}

export type CapacityCommand = ReserveCapacity | ReleaseCapacity;
