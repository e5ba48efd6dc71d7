import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { Member } from '../member.type.js';
import { UpdateProfileCommand, type ProfileChanges } from './update-profile.command.js';

@Resolver()
export class UpdateProfileResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Member, { description: 'Changes the signed-in member’s profile; omitted fields stay as they are, a null headline clears it.' })
  updateProfile(
    @Args('displayName', { type: () => String, nullable: true }) displayName: string | null | undefined,
    @Args('headline', { type: () => String, nullable: true }) headline: string | null | undefined,
    @Args('timezone', { type: () => String, nullable: true }) timezone: string | null | undefined,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<Member> {
    const me = requireViewer(viewer, 'update your profile');
    // GraphQL leaves an omitted argument undefined and passes an explicit null as null.
    const changes: ProfileChanges = {};
    if (displayName !== undefined) changes.displayName = displayName;
    if (headline !== undefined) changes.headline = headline;
    if (timezone !== undefined) changes.timezone = timezone;
    return this.commands.execute(new UpdateProfileCommand(me, changes, correlationId));
  }
}
