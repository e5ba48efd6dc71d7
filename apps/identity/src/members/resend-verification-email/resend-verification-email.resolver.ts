import { Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { ResendVerificationEmailCommand } from './resend-verification-email.command.js';

@Resolver()
export class ResendVerificationEmailResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, { description: 'Mails the signed-in member a new verification link (the older one stops working).' })
  resendVerificationEmail(@CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<boolean> {
    const me = requireViewer(viewer, 'ask for a verification e-mail');
    return this.commands.execute(new ResendVerificationEmailCommand(me, correlationId));
  }
}
