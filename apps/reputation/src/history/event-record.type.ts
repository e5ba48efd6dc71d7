import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** An event as the reputation service holds it (personal data identity owns, like e-mail, is not kept). */
@ObjectType()
export class EventRecord {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field()
  streamId!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  occurredAt!: Date;

  @Field({ description: 'The event data as JSON.' })
  data!: string;
}
