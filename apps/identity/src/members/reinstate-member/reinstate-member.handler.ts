import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { memberDecider } from '@payforward/identity-domain';
import type { Member } from '../member.type.js';
import { lockAndCheckAdmin, memberAfterCommand } from '../members.read-model.js';
import { ReinstateMemberCommand } from './reinstate-member.command.js';

/** Lifts a suspension: the member can sign in again; tokens they still hold work again once each service applied MemberReinstated. */
@CommandHandler(ReinstateMemberCommand)
export class ReinstateMemberHandler implements ICommandHandler<ReinstateMemberCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ admin, memberId, correlationId }: ReinstateMemberCommand): Promise<Member> {
    return this.sessions.run({ actor: admin.memberId, correlationId, causationId: null }, async (s) => {
      await lockAndCheckAdmin(s.tx, admin.memberId, memberId);
      await s.execute(memberStreamId(memberId), memberDecider, { type: 'ReinstateMember', data: { memberId, adminId: admin.memberId, at: s.now.toISOString() } });
      return memberAfterCommand(s.tx, memberId);
    });
  }
}
