import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workedTogetherStreamId } from '@payforward/contracts';
import { workedTogetherDecider } from '@payforward/marketplace-domain';
import { knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { Relationship } from '../relationship.type.js';
import { findRelationship } from '../relationships.read-model.js';
import { ConfirmWorkedTogetherCommand } from './confirm-worked-together.command.js';

/** Only the member the attestation names can confirm it (the stream is keyed by the pair; no attestation = NOT_FOUND). */
@CommandHandler(ConfirmWorkedTogetherCommand)
export class ConfirmWorkedTogetherHandler implements ICommandHandler<ConfirmWorkedTogetherCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, mentorId }: ConfirmWorkedTogetherCommand): Promise<Relationship> {
    const mentor = knownId(mentorId, 'mentorId', 'member');
    return this.sessions.run(metadataOf(actor), async (s) => {
      await s.execute(workedTogetherStreamId(mentor, actor.id), workedTogetherDecider, {
        type: 'ConfirmWorkedTogether',
        data: { mentorId: mentor, seekerId: actor.id, now: s.now },
      });
      return findRelationship(s.tx, mentor, actor.id);
    });
  }
}
