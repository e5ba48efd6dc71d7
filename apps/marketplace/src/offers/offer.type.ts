import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { CapacityPeriod, HelpKind, OfferStatus } from '@payforward/contracts';
import { CapacityPeriodEnum, HelpKindEnum, OfferStatusEnum } from '../shared/graphql.enums.js';
import { MemberReference } from '../shared/member.reference.js';

@ObjectType()
export class Offer {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberReference)
  mentor!: MemberReference;

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
  durationMinutes!: number | null;

  @Field(() => Int, { description: 'Accepted engagements still possible in the current period.' })
  remainingCapacity!: number;

  @Field(() => OfferStatusEnum)
  status!: OfferStatus;

  @Field(() => Int, { nullable: true, description: 'REFERRAL only: completed engagements rated 4 or more the mentor requires (at least 1).' })
  minCompletedEngagements!: number | null;

  @Field({ description: 'REFERRAL only: only a confirmed worked-together attestation counts as the relationship.' })
  workedTogetherOnly!: boolean;

  /** Not a field: reservations held in the current period (the dashboard's `used`). */
  used!: number;
}

@ObjectType()
export class OfferConnection {
  @Field(() => [Offer])
  nodes!: Offer[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@InputType()
export class OfferFilter {
  @Field(() => HelpKindEnum, { nullable: true })
  kind?: HelpKind | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;

  @Field(() => ID, { nullable: true })
  mentorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title, description or topics.' })
  text?: string | null;

  @Field(() => OfferStatusEnum, { nullable: true, description: 'Default ACTIVE: the offers a seeker can ask for.' })
  status?: OfferStatus | null;
}
