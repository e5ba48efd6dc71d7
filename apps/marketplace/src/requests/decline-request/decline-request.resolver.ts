import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { DeclineReason } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { DeclineReasonEnum } from '../../shared/graphql.enums.js';
import { HelpRequest } from '../help-request.type.js';
import { DeclineRequestCommand } from './decline-request.command.js';

@Resolver(() => HelpRequest)
export class DeclineRequestResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  declineRequest(
    @Args('id', { type: () => ID }) requestId: string,
    @Args('reason', { type: () => DeclineReasonEnum }) reason: DeclineReason,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new DeclineRequestCommand(memberActor(requireViewer(viewer, 'decline a request'), c), requestId, reason, note ?? null));
  }
}
