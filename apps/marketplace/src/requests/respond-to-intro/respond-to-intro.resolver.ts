import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { RespondToIntroCommand } from './respond-to-intro.command.js';

@Resolver(() => HelpRequest)
export class RespondToIntroResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest, { description: 'INTRO: the target member consents (or not) to being introduced.' })
  respondToIntro(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('consent') consent: boolean,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new RespondToIntroCommand(memberActor(requireViewer(viewer, 'answer an introduction'), c), requestId, consent));
  }
}
