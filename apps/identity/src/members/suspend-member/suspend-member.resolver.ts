import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireAdmin, type Viewer } from '@payforward/platform';
import { Member } from '../member.type.js';
import { SuspendMemberCommand } from './suspend-member.command.js';

@Resolver()
export class SuspendMemberResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Member, { description: 'Admin only. The member can no longer sign in and their tokens stop working in every service.' })
  suspendMember(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('reason') reason: string,
    @Args('forFraud', { type: () => Boolean, nullable: true, description: 'Reverse the reputation others earned with this member (default false).' })
    forFraud: boolean | null | undefined,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<Member> {
    return this.commands.execute(new SuspendMemberCommand(requireAdmin(viewer, 'suspend members'), memberId, reason, forFraud ?? false, correlationId));
  }
}
