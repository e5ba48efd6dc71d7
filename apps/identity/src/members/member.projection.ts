import type { IdentityEvent } from '@payforward/contracts';
import type { InlineProjector } from '@payforward/event-store';
import { applyBlockingEvent, type ViewerAuthenticator } from '@payforward/platform';
import { projectMemberEvent } from './members.read-model.js';

/**
 * Identity's inline projector for CommandSessions: `members` and `blocked_members` change in
 * the transaction that appends the event. After the commit this process's cached "not blocked"
 * answer for the member is dropped, so it never outlives a suspension just committed.
 */
export const memberProjector =
  (auth: ViewerAuthenticator): InlineProjector =>
  async (session, event, meta) => {
    await projectMemberEvent(session.tx, event as IdentityEvent, meta);
    await applyBlockingEvent(session.tx, event as { type: string; data: Record<string, unknown> });
    const { memberId } = event.data as { memberId?: unknown };
    if (typeof memberId === 'string') session.afterCommit(() => auth.blocked.forget(memberId));
  };
