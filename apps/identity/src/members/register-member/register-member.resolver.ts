import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId } from '@payforward/platform';
import { AuthPayload } from '../member.type.js';
import { RegisterInput } from './register.input.js';
import { RegisterMemberCommand } from './register-member.command.js';

@Resolver()
export class RegisterMemberResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => AuthPayload)
  register(@Args('input') input: RegisterInput, @CorrelationId() correlationId: string): Promise<AuthPayload> {
    return this.commands.execute(new RegisterMemberCommand(input, correlationId));
  }
}
