import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ReputationLoaders } from './reputation.loaders.js';
import { MemberReference, Reputation } from './reputation.type.js';

/** `Member.reputation`: the gateway asks with every member reference of a response at once; one query answers them all. */
@Resolver(() => MemberReference)
export class MemberReputationResolver {
  constructor(private readonly loaders: ReputationLoaders) {}

  @ResolveField(() => Reputation, { nullable: true })
  reputation(@Parent() member: MemberReference, @Context() context: object): Promise<Reputation | null> {
    return this.loaders.of(context).load(member.id);
  }
}
