import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId } from '@payforward/platform';
import { VerifyEmailCommand } from './verify-email.command.js';

@Resolver()
export class VerifyEmailResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, { description: 'Verifies the address the link was mailed to. A wrong, used or expired token: BAD_USER_INPUT on token.' })
  verifyEmail(@Args('token') token: string, @CorrelationId() correlationId: string): Promise<boolean> {
    return this.commands.execute(new VerifyEmailCommand(token, correlationId));
  }
}
