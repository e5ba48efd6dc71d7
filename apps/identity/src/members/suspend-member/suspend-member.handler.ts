import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { memberDecider } from '@payforward/identity-domain';
import type { Member } from '../member.type.js';
import { lockAndCheckAdmin, memberAfterCommand } from '../members.read-model.js';
import { SuspendMemberCommand } from './suspend-member.command.js';

/**
 * Suspends a member: MemberSuspended is appended (published to every service through the
 * outbox), `members.suspended` and identity's `blocked_members` change in the same transaction,
 * so identity refuses the member's login and tokens from the commit on; other services follow
 * when their consumers apply the event (ADR 009).
 */
@CommandHandler(SuspendMemberCommand)
export class SuspendMemberHandler implements ICommandHandler<SuspendMemberCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ admin, memberId, reason, forFraud, correlationId }: SuspendMemberCommand): Promise<Member> {
    return this.sessions.run({ actor: admin.memberId, correlationId, causationId: null }, async (s) => {
      await lockAndCheckAdmin(s.tx, admin.memberId, memberId);
      await s.execute(memberStreamId(memberId), memberDecider, { type: 'SuspendMember', data: { memberId, adminId: admin.memberId, reason, forFraud, at: s.now.toISOString() } });
      return memberAfterCommand(s.tx, memberId);
    });
  }
}
