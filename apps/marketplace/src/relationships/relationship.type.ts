import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MemberReference } from '../shared/member.reference.js';

@ObjectType()
export class Relationship {
  @Field(() => MemberReference)
  mentor!: MemberReference;

  @Field(() => MemberReference)
  seeker!: MemberReference;

  @Field(() => Int, { description: 'Engagements completed with this mentor helping this seeker.' })
  completedEngagements!: number;

  @Field({ description: 'The mentor attested they worked with the seeker, and the seeker confirmed it.' })
  workedTogether!: boolean;

  @Field({ description: 'Whether the mentor could refer the seeker (a completed engagement rated 4+ by either side, or worked together).' })
  referralEligible!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What the mentor wrote about working with the seeker when attesting it (null before any attestation); counts once the seeker confirms.',
  })
  attestationContext!: string | null;
}
