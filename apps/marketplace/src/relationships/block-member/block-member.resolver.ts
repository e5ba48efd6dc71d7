import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Relationship } from '../relationship.type.js';
import { BlockMemberCommand } from './block-member.command.js';

@Resolver(() => Relationship)
export class BlockMemberResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, { description: 'The signed-in mentor stops a member from requesting their help.' })
  blockMember(@Args('memberId', { type: () => ID }) memberId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<boolean> {
    return this.commands.execute(new BlockMemberCommand(memberActor(requireViewer(viewer, 'block a member'), c), memberId));
  }
}
