import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireAdmin, requireViewer, type Viewer } from '@payforward/platform';
import { EraseMemberCommand } from './erase-member.command.js';

@Resolver()
export class EraseMemberResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, {
    description:
      'Erases the signed-in member for good after checking their password: their data key is deleted, so their name, e-mail, headline and everything they wrote read as erased everywhere; counts and scores stay.',
  })
  eraseMe(@Args('password') password: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<boolean> {
    const me = requireViewer(viewer, 'erase your account');
    return this.commands.execute(new EraseMemberCommand({ by: 'SELF', viewer: me, password }, correlationId));
  }

  @Mutation(() => Boolean, { description: 'Admin only. Erases a member as eraseMe does, with a reason kept in the audit trail (sealed with the admin’s key).' })
  eraseMember(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<boolean> {
    const admin = requireAdmin(viewer, 'erase members');
    return this.commands.execute(new EraseMemberCommand({ by: 'ADMIN', admin, memberId, reason }, correlationId));
  }
}
