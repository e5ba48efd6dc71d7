import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { blockListStreamId, DomainError } from '@payforward/contracts';
import { blockListDecider } from '@payforward/marketplace-domain';
import { findMember } from '../../members/members.read-model.js';
import { knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import { BlockMemberCommand } from './block-member.command.js';

/** Appends to `blocks-<mentorId>`; blocking twice changes nothing. Pending requests stay as they are. */
@CommandHandler(BlockMemberCommand)
export class BlockMemberHandler implements ICommandHandler<BlockMemberCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, memberId }: BlockMemberCommand): Promise<boolean> {
    const seekerId = knownId(memberId, 'memberId', 'member');
    return this.sessions.run(metadataOf(actor), async (s) => {
      if (seekerId !== actor.id && !(await findMember(s.tx, seekerId))) throw new DomainError('NOT_FOUND', 'No such member.', 'memberId');
      await s.execute(blockListStreamId(actor.id), blockListDecider, { type: 'BlockSeeker', data: { mentorId: actor.id, seekerId, now: s.now } });
      return true;
    });
  }
}
