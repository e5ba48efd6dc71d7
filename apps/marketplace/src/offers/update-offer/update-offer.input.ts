import { Field, InputType, Int } from '@nestjs/graphql';
import type { CapacityPeriod } from '@payforward/contracts';
import { CapacityPeriodEnum } from '../../shared/graphql.enums.js';

/** UpdateOfferInput of the contract (+ the referral conditions): absent fields keep their value; the kind never changes. */
@InputType()
export class UpdateOfferInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => CapacityPeriodEnum, { nullable: true })
  period?: CapacityPeriod | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  minCompletedEngagements?: number | null;

  @Field(() => Boolean, { nullable: true })
  workedTogetherOnly?: boolean | null;
}
