import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { ReferralOutcome } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { ReferralOutcomeEnum } from '../../shared/graphql.enums.js';
import { HelpRequest } from '../help-request.type.js';
import { ReportReferralOutcomeCommand } from './report-referral-outcome.command.js';

@Resolver(() => HelpRequest)
export class ReportReferralOutcomeResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => HelpRequest)
  reportReferralOutcome(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('outcome', { type: () => ReferralOutcomeEnum }) outcome: ReferralOutcome,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new ReportReferralOutcomeCommand(memberActor(requireViewer(viewer, 'report an outcome'), c), requestId, outcome));
  }
}
