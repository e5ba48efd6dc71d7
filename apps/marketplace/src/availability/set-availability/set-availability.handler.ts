import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { availabilityStreamId } from '@payforward/contracts';
import { availabilityDecider } from '@payforward/marketplace-domain';
import { MarketplaceWriter } from '../../shared/marketplace.writer.js';
import { findMember } from '../../members/members.read-model.js';
import type { Availability } from '../availability.type.js';
import { findAvailability } from '../availability.read-model.js';
import { SetAvailabilityCommand } from './set-availability.command.js';

/**
 * Replaces the signed-in mentor's availability. The windows are read in a time zone: the one
 * given, else the mentor's profile zone (from identity's events), else the zone already set,
 * else UTC for a member identity has not told us about yet.
 */
@CommandHandler(SetAvailabilityCommand)
export class SetAvailabilityHandler implements ICommandHandler<SetAvailabilityCommand> {
  constructor(private readonly writer: MarketplaceWriter) {}

  execute({ actor, input }: SetAvailabilityCommand): Promise<Availability> {
    return this.writer.run(actor, async (w) => {
      const stream = availabilityStreamId(actor.id);
      const { state, version } = await w.load(stream, availabilityDecider);
      const timezone = input.timezone ?? (await findMember(w.tx, actor.id))?.timezone ?? state?.timezone ?? 'UTC';
      const events = availabilityDecider.decide(
        { type: 'SetAvailability', data: { mentorId: actor.id, timezone, windows: input.windows, blackoutDates: input.blackoutDates, now: w.now } },
        state,
      );
      await w.append(stream, version, events);
      return (await findAvailability(w.tx, actor.id))!;
    });
  }
}
