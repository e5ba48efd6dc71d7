import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { availabilityStreamId } from '@payforward/contracts';
import { availabilityDecider } from '@payforward/marketplace-domain';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
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
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, input }: SetAvailabilityCommand): Promise<Availability> {
    return this.sessions.run(metadataOf(actor), async (s) => {
      const stream = availabilityStreamId(actor.id);
      const { state, version } = await s.load(stream, availabilityDecider);
      const timezone = input.timezone ?? (await findMember(s.tx, actor.id))?.timezone ?? state?.timezone ?? 'UTC';
      const events = availabilityDecider.decide(
        { type: 'SetAvailability', data: { mentorId: actor.id, timezone, windows: input.windows, blackoutDates: input.blackoutDates, now: s.now } },
        state,
      );
      await s.append(stream, version, events);
      return (await findAvailability(s.tx, actor.id))!;
    });
  }
}
