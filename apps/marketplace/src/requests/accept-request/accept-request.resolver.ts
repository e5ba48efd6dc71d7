import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { badInput } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { HelpRequest } from '../help-request.type.js';
import { AcceptRequestCommand } from './accept-request.command.js';

@Resolver(() => HelpRequest)
export class AcceptRequestResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  acceptRequest(
    @Args('id', { type: () => ID }) requestId: string,
    @Args('scheduledAt', { type: () => Date, nullable: true }) scheduledAt: Date | null,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    // The DateTime scalar turns unparseable text into an Invalid Date; refuse it here, before any lookup.
    if (scheduledAt && !Number.isFinite(scheduledAt.getTime())) {
      throw badInput('scheduledAt', 'scheduledAt must be an ISO 8601 date-time, e.g. 2026-12-01T15:00:00Z.');
    }
    return this.commands.execute(new AcceptRequestCommand(memberActor(requireViewer(viewer, 'accept a request'), c), requestId, scheduledAt ?? null));
  }
}
