import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { CompleteRequestCommand } from './complete-request.command.js';

@Resolver(() => HelpRequest)
export class CompleteRequestResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  completeRequest(@Args('id', { type: () => ID }) requestId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<HelpRequest> {
    return this.commands.execute(new CompleteRequestCommand(memberActor(requireViewer(viewer, 'complete a request'), c), requestId));
  }
}
