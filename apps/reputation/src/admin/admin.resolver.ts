import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, type Viewer } from '@payforward/platform';
import { ReputationFlagView } from '../flags/flag.type.js';
import { Reputation } from '../reputation/reputation.type.js';
import { requireAdmin } from './admin.auth.js';
import { AdjustReputationCommand } from './adjust-reputation/adjust-reputation.command.js';
import { ResolveFlagCommand } from './resolve-flag/resolve-flag.command.js';

/** The admin reputation review: every decision is an event in the reputation-admin stream (who, when, why). */
@Resolver()
export class AdminReviewResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => ReputationFlagView, { description: 'Admin only: the flag stays, its points stand; the note is mandatory.' })
  dismissFlag(
    @Args('flagId', { type: () => ID }) flagId: string,
    @Args('note') note: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<ReputationFlagView> {
    return this.commands.execute(new ResolveFlagCommand('DISMISSED', flagId, note, requireAdmin(viewer), correlationId));
  }

  @Mutation(() => ReputationFlagView, { description: 'Admin only: reverses exactly the positive points of the flagged requests, as new ledger lines; the note is mandatory.' })
  reverseFlag(
    @Args('flagId', { type: () => ID }) flagId: string,
    @Args('note') note: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<ReputationFlagView> {
    return this.commands.execute(new ResolveFlagCommand('REVERSED', flagId, note, requireAdmin(viewer), correlationId));
  }

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
