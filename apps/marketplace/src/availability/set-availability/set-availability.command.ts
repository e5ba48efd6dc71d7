import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { Availability, AvailabilityInput } from '../availability.type.js';

export class SetAvailabilityCommand extends Command<Availability> {
  constructor(
    readonly actor: Actor,
    readonly input: AvailabilityInput,
  ) {
    super();
  }
}
