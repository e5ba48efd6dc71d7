import { Field, InputType } from '@nestjs/graphql';

/**
 * RegisterInput of the contract. Only GraphQL types are checked here; every rule (formats,
 * lengths, time zone) lives in the domain, which names the offending field in its error.
 */
@InputType()
export class RegisterInput {
  @Field()
  email!: string;

  @Field()
  password!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  headline?: string | null;

  @Field()
  timezone!: string;
}
