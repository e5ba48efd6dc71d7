import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';
import { MemberWriter } from '../member.writer.js';
import { GrantAdminCommand } from './grant-admin.command.js';

/**
 * Grants the ADMIN role (idempotent: an admin stays one and nothing is recorded). The member's
 * current tokens keep their roles; the role is in the next token, after they sign in again.
 */
@CommandHandler(GrantAdminCommand)
export class GrantAdminHandler implements ICommandHandler<GrantAdminCommand> {
  constructor(private readonly writer: MemberWriter) {}

  execute({ admin, memberId, correlationId }: GrantAdminCommand): Promise<Member> {
    return this.writer.run(memberId, { memberId: admin.memberId, correlationId, admin: true }, (now) => ({
      type: 'GrantAdmin',
      data: { memberId, adminId: admin.memberId, at: now.toISOString() },
    }));
  }
}
