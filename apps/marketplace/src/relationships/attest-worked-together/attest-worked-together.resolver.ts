import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Relationship } from '../relationship.type.js';
import { AttestWorkedTogetherCommand } from './attest-worked-together.command.js';

@Resolver(() => Relationship)
export class AttestWorkedTogetherResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Relationship)
  attestWorkedTogether(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('context') context: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<Relationship> {
    return this.commands.execute(new AttestWorkedTogetherCommand(memberActor(requireViewer(viewer, 'attest working together'), c), memberId, context));
  }
}
