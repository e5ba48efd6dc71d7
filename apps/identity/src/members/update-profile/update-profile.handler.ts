import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { memberDecider } from '@payforward/identity-domain';
import type { Member } from '../member.type.js';
import { memberAfterCommand } from '../members.read-model.js';
import { UpdateProfileCommand } from './update-profile.command.js';

/** A member updates their own profile: only the viewer's stream, so ownership is the token's subject itself. */
@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ viewer, changes, correlationId }: UpdateProfileCommand): Promise<Member> {
    const memberId = viewer.memberId;
    return this.sessions.run({ actor: memberId, correlationId, causationId: null }, async (s) => {
      await s.execute(memberStreamId(memberId), memberDecider, {
        type: 'UpdateProfile',
      data: {
        memberId,
        // Absent arguments stay absent: the decider tells "leave as is" from "clear" (headline: null).
        ...('displayName' in changes ? { displayName: changes.displayName } : {}),
        ...('headline' in changes ? { headline: changes.headline } : {}),
        ...('timezone' in changes ? { timezone: changes.timezone } : {}),
      },
      });
      return memberAfterCommand(s.tx, memberId);
    });
  }
}
