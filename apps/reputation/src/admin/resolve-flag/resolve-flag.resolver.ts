import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, type Viewer } from '@payforward/platform';
import { ReputationFlagView } from '../../flags/flag.type.js';
import { requireAdmin } from '../admin.auth.js';
import { ResolveFlagCommand } from './resolve-flag.command.js';

/** The admin reputation review: every decision is an event in the reputation-admin stream (who, when, why). */
@Resolver()
export class ResolveFlagResolver {
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
}
