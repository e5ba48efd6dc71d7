import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, type Viewer } from '@payforward/platform';
import { Reputation } from '../../reputation/reputation.type.js';
import { requireAdmin } from '../admin.auth.js';
import { AdjustReputationCommand } from './adjust-reputation.command.js';

@Resolver()
export class AdjustReputationResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Reputation, { description: 'Admin only: a ledger line of ±points with the mandatory reason.' })
  adjustReputation(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('points', { type: () => Int }) points: number,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<Reputation> {
    return this.commands.execute(new AdjustReputationCommand(memberId, points, reason, requireAdmin(viewer), correlationId));
  }
}
