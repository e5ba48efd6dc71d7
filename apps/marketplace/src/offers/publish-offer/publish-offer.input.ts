import { Field, InputType, Int } from '@nestjs/graphql';
import type { CapacityPeriod, HelpKind } from '@payforward/contracts';
import { CapacityPeriodEnum, HelpKindEnum } from '../../shared/graphql.enums.js';

/**
 * PublishOfferInput of the contract (+ `workedTogetherOnly`). Only GraphQL types are checked
 * here; every rule (bounds, topics, durations, the referral invariant) lives in the domain,
 * which names the offending input path in its error.
 */
@InputType()
export class PublishOfferInput {
  @Field(() => HelpKindEnum)
  kind!: HelpKind;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  topics!: string[];

  @Field(() => Int)
  capacity!: number;

  @Field(() => CapacityPeriodEnum)
  period!: CapacityPeriod;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'REFERRAL only: require at least this many completed engagements (default 1).' })
  minCompletedEngagements?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'REFERRAL only: accept only a confirmed worked-together attestation.' })
  workedTogetherOnly?: boolean | null;
}
