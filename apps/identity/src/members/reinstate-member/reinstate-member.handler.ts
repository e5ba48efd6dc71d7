import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';
import { MemberWriter } from '../member.writer.js';
import { ReinstateMemberCommand } from './reinstate-member.command.js';

/** Lifts a suspension: the member can sign in again; tokens they still hold work again once each service applied MemberReinstated. */
@CommandHandler(ReinstateMemberCommand)
export class ReinstateMemberHandler implements ICommandHandler<ReinstateMemberCommand> {
  constructor(private readonly writer: MemberWriter) {}

  execute({ admin, memberId, correlationId }: ReinstateMemberCommand): Promise<Member> {
    return this.writer.run(memberId, { memberId: admin.memberId, correlationId, admin: true }, (now) => ({
      type: 'ReinstateMember',
      data: { memberId, adminId: admin.memberId, at: now.toISOString() },
    }));
  }
}
