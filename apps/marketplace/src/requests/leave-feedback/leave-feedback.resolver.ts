import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { LeaveFeedbackCommand } from './leave-feedback.command.js';

@Resolver(() => HelpRequest)
export class LeaveFeedbackResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  leaveFeedback(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new LeaveFeedbackCommand(memberActor(requireViewer(viewer, 'leave feedback'), c), requestId, rating, note ?? null));
  }
}
