import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';
import { MemberWriter } from '../member.writer.js';
import { SuspendMemberCommand } from './suspend-member.command.js';

/**
 * Suspends a member: MemberSuspended is appended (published to every service through the
 * outbox), `members.suspended` and identity's `blocked_members` change in the same transaction,
 * so identity refuses the member's login and tokens from the commit on; other services follow
 * when their consumers apply the event (ADR 009).
 */
@CommandHandler(SuspendMemberCommand)
export class SuspendMemberHandler implements ICommandHandler<SuspendMemberCommand> {
  constructor(private readonly writer: MemberWriter) {}

  execute({ admin, memberId, reason, forFraud, correlationId }: SuspendMemberCommand): Promise<Member> {
    return this.writer.run(memberId, { memberId: admin.memberId, correlationId, admin: true }, (now) => ({
      type: 'SuspendMember',
      data: { memberId, adminId: admin.memberId, reason, forFraud, at: now.toISOString() },
    }));
  }
}
