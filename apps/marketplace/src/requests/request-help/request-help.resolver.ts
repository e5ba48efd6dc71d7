import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { RequestHelpInput } from './request-help.input.js';
import { RequestHelpCommand } from './request-help.command.js';

@Resolver(() => HelpRequest)
export class RequestHelpResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  requestHelp(@Args('input') input: RequestHelpInput, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<HelpRequest> {
    return this.commands.execute(new RequestHelpCommand(memberActor(requireViewer(viewer, 'ask for help'), c), input));
  }
}
