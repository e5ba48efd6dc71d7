import { Args, Context, ID, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, viewerOf, type RequestContext, type Viewer } from '@payforward/platform';
import { Contact, Member } from '../member.type.js';
import { GetMemberQuery } from './get-member.query.js';
import { MemberLoaders } from './member.loaders.js';

@Resolver(() => Member)
export class MembersResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly loaders: MemberLoaders,
  ) {}

  @Query(() => Member, { nullable: true, description: 'The signed-in member; null when anonymous.' })
  me(@CurrentViewer() viewer: Viewer | null): Promise<Member | null> | null {
    return viewer ? this.queries.execute(new GetMemberQuery(viewer.memberId)) : null;
  }

  @Query(() => Member, { nullable: true })
  member(@Args('id', { type: () => ID }) id: string): Promise<Member | null> {
    return this.queries.execute(new GetMemberQuery(id));
  }

  /**
   * Other subgraphs return `{ __typename: "Member", id }`; the gateway asks here for the rest,
   * all references of a response in one `_entities` call: batched into one query.
   */
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @Context() context: object): Promise<Member> {
    // Every reference resolves: a member identity does not know (a projection fed from a topic that
    // also carries another deployment's events) would otherwise fail the whole response over a
    // non-null Member field, e.g. one row of the public leaderboard.
    return (await this.loaders.of(context).members.load(reference.id)) ?? unknownMember(reference.id);
  }

  /**
   * Contact details are personal data, decided here because identity owns them (DESIGN §2.1):
   * the member themself, an admin, or a viewer holding a contact grant (counterpart of an
   * accepted request, or the other side of a consented intro; see contact-grants.projection).
   * Grants of every member in the response are read in one query.
   */
  @ResolveField(() => Contact, {
    nullable: true,
    description:
      'Null unless the viewer is this member, an admin, the counterpart of an ACCEPTED or COMPLETED request with this member, or the other side of an introduction that its target consented to.',
  })
  async contact(@Parent() member: Member, @Context() context: RequestContext): Promise<Contact | null> {
    if (!member.email) return null;
    // Before the token check: login/register prove who the caller is, even with a stale header.
    if (member.viewedBySelf) return { email: member.email };
    const viewer = viewerOf(context);
    if (!viewer) return null;
    if (viewer.memberId === member.id || viewer.roles.includes('ADMIN')) return { email: member.email };
    const granted = await this.loaders.of(context).contactGranted(viewer.memberId).load(member.id);
    return granted ? { email: member.email } : null;
  }
}

/** A member identity has no record of: nothing personal, no roles. */
const unknownMember = (id: string): Member => ({ id, displayName: 'Unknown member', headline: null, timezone: 'UTC', roles: [], suspended: false, emailVerified: false, email: '' });
