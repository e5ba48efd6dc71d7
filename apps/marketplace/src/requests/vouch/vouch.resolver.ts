import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { VouchCommand } from './vouch.command.js';

@Resolver(() => HelpRequest)
export class VouchResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  vouch(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('statement') statement: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new VouchCommand(memberActor(requireViewer(viewer, 'vouch'), c), requestId, statement));
  }
}
