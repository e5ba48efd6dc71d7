import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { badInput, DomainError } from '@payforward/contracts';
import { CurrentViewer, isAdmin, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { isUuid } from '../../shared/ids.js';
import { Relationship } from '../relationship.type.js';
import { findRelationship } from '../relationships.read-model.js';

@Resolver(() => Relationship)
export class GetRelationshipResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /**
   * For the two people it is about (and admins): whether two members worked together or how
   * often one helped the other is theirs, not a third member's, to know.
   */
  @Query(() => Relationship, { nullable: true })
  relationship(
    @Args('mentorId', { type: () => ID }) mentorId: string,
    @Args('seekerId', { type: () => ID }) seekerId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<Relationship> {
    const asker = requireViewer(viewer, 'see a relationship');
    if (!isUuid(mentorId)) throw badInput('mentorId', 'This is not a member id.');
    if (!isUuid(seekerId)) throw badInput('seekerId', 'This is not a member id.');
    const [mentor, seeker] = [mentorId.toLowerCase(), seekerId.toLowerCase()];
    if (asker.memberId !== mentor && asker.memberId !== seeker && !isAdmin(asker)) {
      throw new DomainError('FORBIDDEN', 'Only the mentor and the seeker of a relationship can see it.');
    }
    return findRelationship(this.pool, mentor, seeker);
  }
}
