import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, workedTogetherStreamId } from '@payforward/contracts';
import { workedTogetherDecider } from '@payforward/marketplace-domain';
import { findMember } from '../../members/members.read-model.js';
import { knownId } from '../../shared/ids.js';
import { MarketplaceWriter } from '../../shared/marketplace.writer.js';
import type { Relationship } from '../relationship.type.js';
import { findRelationship } from '../relationships.read-model.js';
import { AttestWorkedTogetherCommand } from './attest-worked-together.command.js';

/** An attestation counts as referral evidence only once the other member confirms it. */
@CommandHandler(AttestWorkedTogetherCommand)
export class AttestWorkedTogetherHandler implements ICommandHandler<AttestWorkedTogetherCommand> {
  constructor(private readonly writer: MarketplaceWriter) {}

  execute({ actor, memberId, context }: AttestWorkedTogetherCommand): Promise<Relationship> {
    const seekerId = knownId(memberId, 'memberId', 'member');
    return this.writer.run(actor, async (w) => {
      const seeker = seekerId === actor.id ? null : await findMember(w.tx, seekerId);
      if (seekerId !== actor.id && !seeker) throw new DomainError('NOT_FOUND', 'No such member.', 'memberId');
      if (seeker?.erased) throw new DomainError('FORBIDDEN', 'This member’s account was erased.', 'memberId');
      await w.execute(workedTogetherStreamId(actor.id, seekerId), workedTogetherDecider, {
        type: 'AttestWorkedTogether',
        data: { mentorId: actor.id, seekerId, context, now: w.now },
      });
      return findRelationship(w.tx, actor.id, seekerId);
    });
  }
}
