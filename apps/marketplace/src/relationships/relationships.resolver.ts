import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { badInput, DomainError } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, isAdmin, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../shared/actor.js';
import { isUuid } from '../shared/ids.js';
import { AttestWorkedTogetherCommand } from './attest-worked-together/attest-worked-together.command.js';
import { BlockMemberCommand } from './block-member/block-member.command.js';
import { ConfirmWorkedTogetherCommand } from './confirm-worked-together/confirm-worked-together.command.js';
import { Relationship } from './relationship.type.js';
import { attestationsAwaiting, findRelationship } from './relationships.read-model.js';

@Resolver(() => Relationship)
export class RelationshipsResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

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

  /** Always the viewer's own list: an attestation is for the member it names to confirm, no one else. */
  @Query(() => [Relationship], {
    description: 'Worked-together attestations naming the signed-in member that they have not confirmed yet (confirmWorkedTogether), newest first.',
  })
  attestationsAwaitingMe(@CurrentViewer() viewer: Viewer | null): Promise<Relationship[]> {
    return attestationsAwaiting(this.pool, requireViewer(viewer, 'see who said they worked with you').memberId);
  }

  @Mutation(() => Boolean, { description: 'The signed-in mentor stops a member from requesting their help.' })
  blockMember(@Args('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<boolean> {
    return this.commands.execute(new BlockMemberCommand(memberActor(requireViewer(viewer, 'block a member'), c), memberId));
  }

  @Mutation(() => Relationship)
  attestWorkedTogether(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('context') context: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<Relationship> {
    return this.commands.execute(new AttestWorkedTogetherCommand(memberActor(requireViewer(viewer, 'attest working together'), c), memberId, context));
  }

  @Mutation(() => Relationship)
  confirmWorkedTogether(@Args('mentorId', { type: () => ID }) mentorId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<Relationship> {
    return this.commands.execute(new ConfirmWorkedTogetherCommand(memberActor(requireViewer(viewer, 'confirm working together'), c), mentorId));
  }
}
