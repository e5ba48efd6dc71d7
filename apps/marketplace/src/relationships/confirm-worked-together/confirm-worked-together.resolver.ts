import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Relationship } from '../relationship.type.js';
import { ConfirmWorkedTogetherCommand } from './confirm-worked-together.command.js';

@Resolver(() => Relationship)
export class ConfirmWorkedTogetherResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Relationship)
  confirmWorkedTogether(@Args('mentorId', { type: () => ID }) mentorId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<Relationship> {
    return this.commands.execute(new ConfirmWorkedTogetherCommand(memberActor(requireViewer(viewer, 'confirm working together'), c), mentorId));
  }
}
