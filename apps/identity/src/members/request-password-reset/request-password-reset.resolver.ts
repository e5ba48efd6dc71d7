import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId } from '@payforward/platform';
import { RequestPasswordResetCommand } from './request-password-reset.command.js';

@Resolver()
export class RequestPasswordResetResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, { description: 'Always true, whether or not the address belongs to a member; a member gets a reset link valid 30 minutes.' })
  requestPasswordReset(@Args('email') email: string, @CorrelationId() correlationId: string): Promise<boolean> {
    return this.commands.execute(new RequestPasswordResetCommand(email, correlationId));
  }
}
