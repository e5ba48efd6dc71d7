import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workedTogetherStreamId } from '@payforward/contracts';
import { workedTogetherDecider } from '@payforward/marketplace-domain';
import { knownId } from '../../shared/ids.js';
import { MarketplaceWriter } from '../../shared/marketplace.writer.js';
import type { Relationship } from '../relationship.type.js';
import { findRelationship } from '../relationships.read-model.js';
import { ConfirmWorkedTogetherCommand } from './confirm-worked-together.command.js';

/** Only the member the attestation names can confirm it (the stream is keyed by the pair; no attestation = NOT_FOUND). */
@CommandHandler(ConfirmWorkedTogetherCommand)
export class ConfirmWorkedTogetherHandler implements ICommandHandler<ConfirmWorkedTogetherCommand> {
  constructor(private readonly writer: MarketplaceWriter) {}

  execute({ actor, mentorId }: ConfirmWorkedTogetherCommand): Promise<Relationship> {
    const mentor = knownId(mentorId, 'mentorId', 'member');
    return this.writer.run(actor, async (w) => {
      await w.execute(workedTogetherStreamId(mentor, actor.id), workedTogetherDecider, {
        type: 'ConfirmWorkedTogether',
        data: { mentorId: mentor, seekerId: actor.id, now: w.now },
      });
      return findRelationship(w.tx, mentor, actor.id);
    });
  }
}
