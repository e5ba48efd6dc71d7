import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';
import { MemberWriter } from '../member.writer.js';
import { UpdateProfileCommand } from './update-profile.command.js';

/** A member updates their own profile: only the viewer's stream, so ownership is the token's subject itself. */
@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(private readonly writer: MemberWriter) {}

  execute({ viewer, changes, correlationId }: UpdateProfileCommand): Promise<Member> {
    const memberId = viewer.memberId;
    return this.writer.run(memberId, { memberId, correlationId }, () => ({
      type: 'UpdateProfile',
      data: {
        memberId,
        // Absent arguments stay absent: the decider tells "leave as is" from "clear" (headline: null).
        ...('displayName' in changes ? { displayName: changes.displayName } : {}),
        ...('headline' in changes ? { headline: changes.headline } : {}),
        ...('timezone' in changes ? { timezone: changes.timezone } : {}),
      },
    }));
  }
}
