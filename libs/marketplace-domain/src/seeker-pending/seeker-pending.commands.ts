/**
 * Commands on a seeker's pending-requests stream, `seeker-pending-<seekerId>`. Every submit
 * appends here with an expected version before the request stream is created, so ten
 * concurrent submits by one seeker serialize and exactly three get through.
 */
export interface TakePendingSlot {
  type: 'TakePendingSlot';
  data: { seekerId: string; requestId: string; mentorId: string; now: Date };
}

/** The request left SUBMITTED (accepted, declined, withdrawn, expired) or its submit was abandoned. */
export interface FreePendingSlot {
  type: 'FreePendingSlot';
  data: { seekerId: string; requestId: string; now: Date };
}

export type SeekerPendingCommand = TakePendingSlot | FreePendingSlot;
