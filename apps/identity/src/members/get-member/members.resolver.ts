import { Args, ID, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, type Viewer } from '@payforward/platform';
import { Contact, Member } from '../member.type.js';
import { GetMemberQuery } from './get-member.query.js';

@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => Member, { nullable: true, description: 'The signed-in member; null when anonymous.' })
  me(@CurrentViewer() viewer: Viewer | null): Promise<Member | null> | null {
    return viewer ? this.queries.execute(new GetMemberQuery(viewer.memberId)) : null;
  }

  @Query(() => Member, { nullable: true })
  member(@Args('id', { type: () => ID }) id: string): Promise<Member | null> {
    return this.queries.execute(new GetMemberQuery(id));
  }

  /** Other subgraphs return `{ __typename: "Member", id }`; the gateway asks here for the rest. */
  @ResolveReference()
  resolveReference(reference: { id: string }): Promise<Member | null> {
    return this.queries.execute(new GetMemberQuery(reference.id));
  }

  /**
   * Contact details are personal data: only the member themself (and admins) see them for now.
   * Counterparts of accepted requests get access when the marketplace exists.
   */
  @ResolveField(() => Contact, {
    nullable: true,
    description: 'Null unless the viewer is this member or an admin (more cases come with accepted requests).',
  })
  contact(@Parent() member: Member, @CurrentViewer() viewer: Viewer | null): Contact | null {
    if (member.viewedBySelf) return { email: member.email };
    if (!viewer) return null;
    return viewer.memberId === member.id || viewer.roles.includes('ADMIN') ? { email: member.email } : null;
  }
}
