import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { memberDecider } from '@payforward/identity-domain';
import type { Member } from '../member.type.js';
import { lockAndCheckAdmin, memberAfterCommand } from '../members.read-model.js';
import { GrantAdminCommand } from './grant-admin.command.js';

/**
 * Grants the ADMIN role (idempotent: an admin stays one and nothing is recorded). The member's
 * current tokens keep their roles; the role is in the next token, after they sign in again.
 */
@CommandHandler(GrantAdminCommand)
export class GrantAdminHandler implements ICommandHandler<GrantAdminCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ admin, memberId, correlationId }: GrantAdminCommand): Promise<Member> {
    return this.sessions.run({ actor: admin.memberId, correlationId, causationId: null }, async (s) => {
      await lockAndCheckAdmin(s.tx, admin.memberId, memberId);
      await s.execute(memberStreamId(memberId), memberDecider, { type: 'GrantAdmin', data: { memberId, adminId: admin.memberId, at: s.now.toISOString() } });
      return memberAfterCommand(s.tx, memberId);
    });
  }
}
