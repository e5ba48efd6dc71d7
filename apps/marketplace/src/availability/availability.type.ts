import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class AvailabilityWindow {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' })
  weekday!: number;

  @Field({ description: '"HH:MM" in the mentor\'s time zone' })
  start!: string;

  @Field({ description: '"HH:MM" (up to 24:00) in the mentor\'s time zone' })
  end!: string;
}

@ObjectType()
export class Availability {
  @Field()
  timezone!: string;

  @Field(() => [AvailabilityWindow])
  windows!: AvailabilityWindow[];

  @Field(() => [String])
  blackoutDates!: string[];
}

@InputType()
export class AvailabilityWindowInput {
  @Field(() => Int)
  weekday!: number;

  @Field()
  start!: string;

  @Field()
  end!: string;
}

/** AvailabilityInput of the contract, plus an optional time zone (default: the mentor's profile zone). */
@InputType()
export class AvailabilityInput {
  @Field(() => [AvailabilityWindowInput])
  windows!: AvailabilityWindowInput[];

  @Field(() => [String], { nullable: true })
  blackoutDates?: string[] | null;

  @Field(() => String, { nullable: true, description: "IANA time zone of the windows; defaults to the mentor's profile time zone." })
  timezone?: string | null;
}
