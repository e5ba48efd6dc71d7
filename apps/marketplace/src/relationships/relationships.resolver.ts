import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { badInput } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, PG_POOL, type Viewer } from '@payforward/platform';
import { memberActor, requireViewer } from '../shared/actor.js';
import { isUuid } from '../shared/ids.js';
import { AttestWorkedTogetherCommand } from './attest-worked-together/attest-worked-together.command.js';
import { BlockMemberCommand } from './block-member/block-member.command.js';
import { ConfirmWorkedTogetherCommand } from './confirm-worked-together/confirm-worked-together.command.js';
import { Relationship } from './relationship.type.js';
import { findRelationship } from './relationships.read-model.js';

@Resolver(() => Relationship)
export class RelationshipsResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /** Members only: it reveals little (counts and a yes/no), but it is about two people. */
  @Query(() => Relationship, { nullable: true })
  relationship(
    @Args('mentorId', { type: () => ID }) mentorId: string,
    @Args('seekerId', { type: () => ID }) seekerId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<Relationship> {
    requireViewer(viewer, 'see a relationship');
    if (!isUuid(mentorId)) throw badInput('mentorId', 'This is not a member id.');
    if (!isUuid(seekerId)) throw badInput('seekerId', 'This is not a member id.');
    return findRelationship(this.pool, mentorId.toLowerCase(), seekerId.toLowerCase());
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
