import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MemberReference } from '../reputation/reputation.type.js';

export enum FlagStatus {
  OPEN = 'OPEN',
  DISMISSED = 'DISMISSED',
  REVERSED = 'REVERSED',
}
registerEnumType(FlagStatus, { name: 'FlagStatus' });

/** A suspicion in the admin review queue; flags never move points by themselves. */
@ObjectType('ReputationFlag')
export class ReputationFlagView {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberReference, { description: 'The member the flag is about (the mentor whose completion raised it).' })
  member!: MemberReference;

  @Field({ description: 'RECIPROCAL_PAIR or BURST.' })
  kind!: string;

  @Field(() => [String], { description: 'The events behind the flag, one line each: when, what, who, and the event id.' })
  evidence!: string[];

  @Field(() => FlagStatus)
  status!: FlagStatus;

  @Field()
  raisedAt!: Date;

  @Field(() => MemberReference, { nullable: true })
  resolvedBy!: MemberReference | null;

  @Field(() => String, { nullable: true })
  resolutionNote!: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field({ description: 'For the queue, e.g. "Dana and Sam helped each other within 7 days (2 completions)".' })
  description!: string;

  @Field(() => [MemberReference], { description: 'Every member involved.' })
  members!: MemberReference[];

  @Field(() => [ID], { description: 'The help requests whose points a reversal covers.' })
  requestIds!: string[];

  @Field(() => Int, { description: 'OPEN: the points reversing it would take back now. REVERSED: what it took back. DISMISSED: 0.' })
  coveredPoints!: number;
}
