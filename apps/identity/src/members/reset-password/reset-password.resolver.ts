import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId } from '@payforward/platform';
import { ResetPasswordCommand } from './reset-password.command.js';

@Resolver()
export class ResetPasswordResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, { description: 'Sets a new password with a reset link’s token (single use, 30 minutes) and ends every session of the member.' })
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string, @CorrelationId() correlationId: string): Promise<boolean> {
    return this.commands.execute(new ResetPasswordCommand(token, newPassword, correlationId));
  }
}
