import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RequestHelpInput {
  @Field(() => ID)
  offerId!: string;

  @Field()
  message!: string;

  @Field()
  goal!: string;

  @Field(() => ID, { nullable: true, description: 'INTRO only: the member to be introduced to' })
  introTargetId?: string | null;
}
