import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Availability, AvailabilityInput } from '../availability.type.js';
import { SetAvailabilityCommand } from './set-availability.command.js';

@Resolver(() => Availability)
export class SetAvailabilityResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Availability, { description: "Replaces the signed-in mentor's weekly windows and blackout dates." })
  setAvailability(@Args('input') input: AvailabilityInput, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Availability> {
    return this.commands.execute(new SetAvailabilityCommand(memberActor(requireViewer(viewer, 'set your availability'), correlationId), input));
  }
}
