import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireAdmin, type Viewer } from '@payforward/platform';
import { Member } from '../member.type.js';
import { ReinstateMemberCommand } from './reinstate-member.command.js';

@Resolver()
export class ReinstateMemberResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Member, { description: 'Admin only. Lifts a suspension.' })
  reinstateMember(@Args('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Member> {
    return this.commands.execute(new ReinstateMemberCommand(requireAdmin(viewer, 'reinstate members'), memberId, correlationId));
  }
}
