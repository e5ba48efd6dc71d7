import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { WithdrawRequestCommand } from './withdraw-request.command.js';

@Resolver(() => HelpRequest)
export class WithdrawRequestResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  withdrawRequest(@Args('id', { type: () => ID }) requestId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<HelpRequest> {
    return this.commands.execute(new WithdrawRequestCommand(memberActor(requireViewer(viewer, 'withdraw a request'), c), requestId));
  }
}
