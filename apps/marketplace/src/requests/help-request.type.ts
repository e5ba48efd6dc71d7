import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DeclineReason, HelpKind, ReferralOutcome, RequestStatus } from '@payforward/contracts';
import { DeclineReasonEnum, HelpKindEnum, ReferralOutcomeEnum, RequestStatusEnum } from '../shared/graphql.enums.js';
import { MemberReference } from '../shared/member.reference.js';

/** `offer` is resolved from `offerId` by a field resolver (it shows the offer as it is now). */
@ObjectType()
export class HelpRequest {
  @Field(() => ID)
  id!: string;

  offerId!: string;

  @Field(() => MemberReference)
  seeker!: MemberReference;

  @Field(() => MemberReference)
  mentor!: MemberReference;

  @Field(() => HelpKindEnum)
  kind!: HelpKind;

  @Field(() => RequestStatusEnum)
  status!: RequestStatus;

  @Field()
  message!: string;

  @Field()
  goal!: string;

  @Field(() => Date, { nullable: true })
  scheduledAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Calls only: the session length in minutes.' })
  durationMinutes!: number | null;

  @Field(() => DeclineReasonEnum, { nullable: true })
  declineReason!: DeclineReason | null;

  @Field(() => String, { nullable: true })
  declineNote!: string | null;

  @Field(() => String, { nullable: true, description: 'A kind, actionable message for the seeker when the request was declined or expired.' })
  guidance!: string | null;

  @Field(() => String, { nullable: true })
  vouchStatement!: string | null;

  @Field(() => ReferralOutcomeEnum, { nullable: true })
  referralOutcome!: ReferralOutcome | null;

  @Field(() => MemberReference, { nullable: true, description: 'INTRO only: the member the seeker hopes to meet.' })
  introTarget!: MemberReference | null;

  @Field(() => Boolean, { nullable: true, description: 'INTRO only: null until the target answers.' })
  introConsent!: boolean | null;

  @Field(() => Date, { description: 'Unanswered by then, the request expires.' })
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
