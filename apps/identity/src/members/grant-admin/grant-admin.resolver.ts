import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireAdmin, type Viewer } from '@payforward/platform';
import { Member } from '../member.type.js';
import { GrantAdminCommand } from './grant-admin.command.js';

@Resolver()
export class GrantAdminResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Member, { description: 'Admin only. Idempotent; the member gets the role in their next token (after signing in again).' })
  grantAdmin(@Args('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Member> {
    return this.commands.execute(new GrantAdminCommand(requireAdmin(viewer, 'grant the admin role'), memberId, correlationId));
  }
}
