import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Party } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { PartyEnum } from '../../shared/graphql.enums.js';
import { HelpRequest } from '../help-request.type.js';
import { ReportNoShowCommand } from './report-no-show.command.js';

@Resolver(() => HelpRequest)
export class ReportNoShowResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  reportNoShow(
    @Args('id', { type: () => ID }) requestId: string,
    @Args('absent', { type: () => PartyEnum }) absent: Party,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new ReportNoShowCommand(memberActor(requireViewer(viewer, 'report a no-show'), c), requestId, absent));
  }
}
