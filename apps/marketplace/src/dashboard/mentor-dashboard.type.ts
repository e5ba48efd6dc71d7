import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Availability } from '../availability/availability.type.js';
import { Offer } from '../offers/offer.type.js';
import { HelpRequest } from '../requests/help-request.type.js';

@ObjectType()
export class OfferLoad {
  @Field(() => Offer)
  offer!: Offer;

  @Field(() => Int)
  used!: number;

  @Field(() => Int)
  remaining!: number;

  @Field(() => Date, { description: 'Start of the current capacity period (UTC, inclusive).' })
  periodStart!: Date;

  @Field(() => Date, { description: 'End of the current capacity period (UTC, exclusive).' })
  periodEnd!: Date;
}

@ObjectType()
export class MentorDashboard {
  @Field(() => [OfferLoad])
  offers!: OfferLoad[];

  @Field(() => [HelpRequest], { description: 'Oldest first.' })
  pending!: HelpRequest[];

  @Field(() => [HelpRequest], { description: 'Accepted, scheduled in the next 14 days, soonest first.' })
  upcoming!: HelpRequest[];

  @Field(() => Availability, { nullable: true })
  availability!: Availability | null;
}
