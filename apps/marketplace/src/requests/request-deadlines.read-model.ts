import type pg from 'pg';

/**
 * `request_deadlines`: the durable due times of SUBMITTED requests (written and dropped by the
 * help-request projection). The write side takes them as row locks so a member ending a
 * request and the expiry scan never both act on it (docs/adr/005-capacity-and-pending-limits.md).
 */

/**
 * Takes the request's expiry due time first (deleting it, which row-locks it until commit).
 * Every command that can end a SUBMITTED request does this before touching streams, so it and
 * the expiry scan (which claims due times with SKIP LOCKED) never wait on each other in
 * opposite orders. A refusal rolls the delete back; an exit from SUBMITTED deletes it anyway.
 */
export async function takeDeadline(tx: pg.ClientBase, requestId: string): Promise<void> {
  await tx.query({ name: 'marketplace-take-deadline', text: 'DELETE FROM request_deadlines WHERE request_id = $1', values: [requestId] });
}

/** Claims a due time that has come, unless another transaction holds it (then: false, leave it to them). */
export async function claimDueDeadline(tx: pg.ClientBase, requestId: string, now: Date): Promise<boolean> {
  const claimed = await tx.query({
    name: 'marketplace-claim-deadline',
    text: 'SELECT 1 FROM request_deadlines WHERE request_id = $1 AND due_at <= $2 FOR UPDATE SKIP LOCKED',
    values: [requestId, now],
  });
  return claimed.rows.length > 0;
}

/** Drops a due time that outlived its request (nothing should leave one behind). */
export async function dropDeadline(tx: pg.ClientBase, requestId: string): Promise<void> {
  await tx.query({ name: 'marketplace-drop-deadline', text: 'DELETE FROM request_deadlines WHERE request_id = $1', values: [requestId] });
}
