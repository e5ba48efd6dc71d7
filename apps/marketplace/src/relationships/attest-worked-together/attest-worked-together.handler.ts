import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, workedTogetherStreamId } from '@payforward/contracts';
import { workedTogetherDecider } from '@payforward/marketplace-domain';
import { findMember } from '../../members/members.read-model.js';
import { knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { Relationship } from '../relationship.type.js';
import { findRelationship } from '../relationships.read-model.js';
import { AttestWorkedTogetherCommand } from './attest-worked-together.command.js';

/** An attestation counts as referral evidence only once the other member confirms it. */
@CommandHandler(AttestWorkedTogetherCommand)
export class AttestWorkedTogetherHandler implements ICommandHandler<AttestWorkedTogetherCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, memberId, context }: AttestWorkedTogetherCommand): Promise<Relationship> {
    const seekerId = knownId(memberId, 'memberId', 'member');
    return this.sessions.run(metadataOf(actor), async (s) => {
      const seeker = seekerId === actor.id ? null : await findMember(s.tx, seekerId);
      if (seekerId !== actor.id && !seeker) throw new DomainError('NOT_FOUND', 'No such member.', 'memberId');
      if (seeker?.erased) throw new DomainError('FORBIDDEN', 'This member’s account was erased.', 'memberId');
      await s.execute(workedTogetherStreamId(actor.id, seekerId), workedTogetherDecider, {
        type: 'AttestWorkedTogether',
        data: { mentorId: actor.id, seekerId, context, now: s.now },
      });
      return findRelationship(s.tx, actor.id, seekerId);
    });
  }
}
