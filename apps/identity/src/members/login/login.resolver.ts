import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { AuthPayload } from '../member.type.js';
import { LoginQuery } from './login.query.js';

@Resolver()
export class LoginResolver {
  constructor(private readonly queries: QueryBus) {}

  @Mutation(() => AuthPayload)
  login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    return this.queries.execute(new LoginQuery(email, password));
  }
}
